import {
  clientIp,
  hashIp,
  MAX_FORWARDED_ENTRIES,
  NO_ADDRESS,
  trustedProxyHops,
  truncateIp,
} from './ip';

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

  // Issue 17: 2 KB of padding pushed nginx's own entry past a cut, and the client's pick counted.
  it('reads the trusted entry from the end of a header of any length, never the client’s pick', () => {
    // Padding sized so that a cut at 2,048 characters ends right after the address picked.
    const pick = ', 6.6.6.6';
    const padding = 'x'.repeat(2048 - pick.length);
    const xff = `${padding}${pick}, 203.0.113.9`;
    expect(xff.slice(0, 2048).endsWith(pick)).toBe(true);
    expect(clientIp(new Headers({ 'x-forwarded-for': xff }))).toBe('203.0.113.9');
    // The same trick behind a CDN: the client's address as the CDN saw it, not the pick.
    expect(clientIp(new Headers({ 'x-forwarded-for': `${xff}, 192.0.2.10` }), 2)).toBe(
      '203.0.113.9',
    );
    // One long entry of padding (no commas to split on) changes nothing either.
    const long = `${'9'.repeat(8000)}, 6.6.6.6, 203.0.113.9`;
    expect(clientIp(new Headers({ 'x-forwarded-for': long }))).toBe('203.0.113.9');
  });

  it('counts a header with more entries than any chain of proxies writes in the fixed bucket', () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => `6.6.${i % 256}.1`);
    const most = [...entries(MAX_FORWARDED_ENTRIES - 1), '203.0.113.9'].join(', ');
    expect(clientIp(new Headers({ 'x-forwarded-for': most }))).toBe('203.0.113.9');
    const many = [...entries(500), '203.0.113.9'].join(', ');
    expect(clientIp(new Headers({ 'x-forwarded-for': many }))).toBe(NO_ADDRESS);
    // Empty entries are entries: 10,000 commas are refused, not skipped.
    expect(clientIp(new Headers({ 'x-forwarded-for': `${','.repeat(10_000)}203.0.113.9` }))).toBe(
      NO_ADDRESS,
    );
  });

  it('never skips an empty trusted entry to reach the client’s pick', () => {
    // The client reached nginx directly (hops 2 expects a CDN too) and ended its header with ", ".
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, , 198.51.100.7' }), 2)).toBe(
      NO_ADDRESS,
    );
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, ,' }))).toBe(NO_ADDRESS);
    expect(clientIp(new Headers({ 'x-forwarded-for': '' }))).toBe(NO_ADDRESS);
    // Empty entries on the client's side of the chain do not matter.
    expect(clientIp(new Headers({ 'x-forwarded-for': ', ,6.6.6.6,, 198.51.100.7' }))).toBe(
      '198.51.100.7',
    );
  });

  it.each([
    ['a word', 'unknown'],
    ['markup', '<script>alert(1)</script>'],
    ['an address with a port', '203.0.113.9:443'],
    ['a bracketed IPv6 address', '[2001:db8::1]'],
    ['an out-of-range IPv4 address', '203.0.113.999'],
    ['a CIDR range', '203.0.113.0/24'],
    ['an address with words after it', '203.0.113.9 please'],
  ])('counts a trusted entry that is %s in the fixed bucket', (_, entry) => {
    expect(clientIp(new Headers({ 'x-forwarded-for': `198.51.100.1, ${entry}` }))).toBe(NO_ADDRESS);
  });

  it('reads IPv6 and IPv4-mapped entries, counted under their networks', () => {
    const v6 = clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 2001:db8:abcd:12::7' }));
    expect(v6).toBe('2001:db8:abcd:12::7');
    expect(truncateIp(v6)).toBe('2001:db8:abcd::/48');
    const mapped = clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, ::ffff:203.0.113.9' }));
    expect(hashIp(mapped, 's')).toBe(hashIp('203.0.113.9', 's'));
  });

  it('reads several X-Forwarded-For lines as one chain, the last line last', () => {
    const headers = new Headers();
    headers.append('x-forwarded-for', `${'x'.repeat(3000)}, 6.6.6.6`);
    headers.append('x-forwarded-for', '203.0.113.9');
    expect(headers.get('x-forwarded-for')).toMatch(/, 6\.6\.6\.6, 203\.0\.113\.9$/);
    expect(clientIp(headers)).toBe('203.0.113.9');
    expect(clientIp(headers, 2)).toBe('6.6.6.6');
  });

  it('does not fall back to X-Real-IP when X-Forwarded-For is there but refused', () => {
    const headers = new Headers({ 'x-forwarded-for': 'garbage', 'x-real-ip': '6.6.6.6' });
    expect(clientIp(headers)).toBe(NO_ADDRESS);
  });

  it('reads TRUSTED_PROXY_HOPS, and falls back to one hop on nonsense', () => {
    expect(trustedProxyHops({})).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
    for (const bad of ['0', '-1', 'two', '1.5', '99']) {
      expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toBe(1);
    }
  });
});
