import { deviceOf, newDeviceCookie } from './device';

const KEYS = { secret: 'the comments secret', key: 'the admin password' };

describe('device cookies', () => {
  it('names the same device every time it is shown, and each new cookie a new one', () => {
    const cookie = newDeviceCookie('admin', KEYS);
    const device = deviceOf('admin', cookie, KEYS);
    expect(device).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(deviceOf('admin', cookie, KEYS)).toBe(device);
    expect(deviceOf('admin', newDeviceCookie('admin', KEYS), KEYS)).not.toBe(device);
    // The throttle's name for it is not the cookie: a record in Redis signs nobody in.
    expect(cookie).not.toContain(device);
  });

  it('trusts a cookie only for the secret it was signed for', () => {
    const cookie = newDeviceCookie('preview', KEYS);
    expect(deviceOf('preview', cookie, KEYS)).toBeDefined();
    expect(deviceOf('admin', cookie, KEYS)).toBeUndefined();
    // A new password, after a leak say, un-trusts every device that proved the old one.
    expect(deviceOf('preview', cookie, { ...KEYS, key: 'a new password' })).toBeUndefined();
    expect(deviceOf('preview', cookie, { ...KEYS, secret: 'another server' })).toBeUndefined();
  });

  it.each([
    ['nothing', undefined],
    ['an empty cookie', ''],
    ['an id without its signature', 'a'.repeat(43)],
    ['an invented id and signature', `${'a'.repeat(43)}.${'b'.repeat(43)}`],
    ['a very long cookie', 'a'.repeat(10_000)],
    ['markup', '<script>alert(1)</script>'],
  ])('makes %s no device', (_, cookie) => {
    expect(deviceOf('admin', cookie, KEYS)).toBeUndefined();
  });

  it('refuses a real cookie with its signature altered or its id swapped', () => {
    const [id = '', signature = ''] = newDeviceCookie('admin', KEYS).split('.');
    const other = newDeviceCookie('admin', KEYS).split('.')[0] ?? '';
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(deviceOf('admin', `${id}.${flipped}`, KEYS)).toBeUndefined();
    expect(deviceOf('admin', `${other}.${signature}`, KEYS)).toBeUndefined();
  });
});
