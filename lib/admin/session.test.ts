import { passwordMatches, signSession, verifySession } from './session';

describe('admin session', () => {
  const now = Date.UTC(2026, 0, 1);

  it('verifies its own cookie until it expires', () => {
    const cookie = signSession('secret', 'pw', now);
    expect(verifySession(cookie, 'secret', 'pw', now + 1000)).toBe(true);
    expect(verifySession(cookie, 'secret', 'pw', now + 9 * 3600_000)).toBe(false);
  });

  it('refuses forged cookies, other secrets and a changed password', () => {
    const cookie = signSession('secret', 'pw', now);
    const [expires, mac] = cookie.split('.');
    expect(verifySession(`${Number(expires) + 1}.${mac}`, 'secret', 'pw', now)).toBe(false);
    expect(verifySession(cookie, 'other', 'pw', now)).toBe(false);
    expect(verifySession(cookie, 'secret', 'new-password', now)).toBe(false);
    expect(verifySession(undefined, 'secret', 'pw', now)).toBe(false);
  });

  it('compares passwords exactly', () => {
    expect(passwordMatches('pw', 'pw')).toBe(true);
    expect(passwordMatches('pw ', 'pw')).toBe(false);
  });
});
