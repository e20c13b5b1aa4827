import { checkToken, issueToken } from './token';

const secret = 'test-secret';
const t0 = Date.UTC(2026, 0, 1);

describe('form time token', () => {
  it('accepts a post made between 3 seconds and 24 hours after rendering', () => {
    const token = issueToken(secret, t0);
    expect(checkToken(token, secret, t0 + 3_000)).toEqual({ ok: true });
    expect(checkToken(token, secret, t0 + 24 * 3600_000)).toEqual({ ok: true });
  });

  it('refuses a post within 3 seconds', () => {
    expect(checkToken(issueToken(secret, t0), secret, t0 + 2_999)).toEqual({
      ok: false,
      reason: 'too-fast',
    });
  });

  it('refuses a post after 24 hours', () => {
    expect(checkToken(issueToken(secret, t0), secret, t0 + 24 * 3600_000 + 1)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a back-dated, forged or missing token', () => {
    const [, signature] = issueToken(secret, t0).split('.');
    expect(checkToken(`${t0 - 60_000}.${signature}`, secret, t0 + 5_000).ok).toBe(false);
    expect(checkToken(issueToken('other-secret', t0), secret, t0 + 5_000)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(checkToken('', secret, t0)).toEqual({ ok: false, reason: 'invalid' });
  });
});
