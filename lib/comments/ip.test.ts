import { clientIp, hashIp, trustedProxyHops, truncateIp } from './ip';

describe('addresses', () => {
  it('truncates IPv4 to /24 and IPv6 to /48', () => {
    expect(truncateIp('203.0.113.77')).toBe('203.0.113.0/24');
    expect(truncateIp('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(truncateIp('2001:db8:abcd:12:1::7')).toBe('2001:db8:abcd::/48');
    expect(truncateIp('2001:0db8:00ab::1')).toBe('2001:db8:ab::/48');
    expect(truncateIp('garbage')).toBe('unknown');
  });

  it('hashes the network with the secret, so neighbours share a hash and nobody can reverse it', () => {
    const a = hashIp('203.0.113.1', 's1');
    expect(hashIp('203.0.113.250', 's1')).toBe(a);
    expect(hashIp('203.0.114.1', 's1')).not.toBe(a);
    expect(hashIp('203.0.113.1', 's2')).not.toBe(a);
    expect(a).not.toContain('203');
  });

  it('takes the address the nearest hop saw', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '198.51.100.1, 10.0.0.2' }))).toBe('10.0.0.2');
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.9' }))).toBe('198.51.100.9');
    expect(clientIp(new Headers())).toBe('0.0.0.0');
  });

  it('behind a CDN and a proxy (two hops), takes the address the CDN saw, not the CDN', () => {
    const headers = new Headers({
      // client-written entry, the client as the CDN saw it, the CDN as nginx saw it
      'x-forwarded-for': '6.6.6.6, 203.0.113.50, 192.0.2.10',
    });
    expect(clientIp(headers, 2)).toBe('203.0.113.50');
    expect(clientIp(headers, 1)).toBe('192.0.2.10');
    // Fewer entries than hops: the leftmost is all there is.
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.7' }), 2)).toBe('203.0.113.7');
  });

  it('counts a forged or malformed entry as no address', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': 'evil, <script>' }))).toBe('0.0.0.0');
    expect(clientIp(new Headers({ 'x-forwarded-for': `${'1.'.repeat(5000)}1` }))).toBe('0.0.0.0');
  });

  it('reads TRUSTED_PROXY_HOPS, and falls back to one hop on nonsense', () => {
    expect(trustedProxyHops({})).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
    for (const bad of ['0', '-1', 'two', '1.5', '99']) {
      expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toBe(1);
    }
  });
});
