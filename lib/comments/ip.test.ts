import { clientIp, hashIp, truncateIp } from './ip';

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
});
