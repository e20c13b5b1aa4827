import { testDatabases } from '@/test/support/test-databases';
import {
  endSession,
  passwordMatches,
  SESSION_MAX_AGE_S,
  sessionIsValid,
  startSession,
} from './session';

const keys = { secret: 'secret', password: 'a long admin password' };
const now = Date.UTC(2026, 0, 1);

describe.each(testDatabases)('admin sessions on $name', (database) => {
  let db: Awaited<ReturnType<typeof database.open>>['db'];
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await database.open());
  });
  afterAll(async () => {
    await close();
  });

  it('accepts its own cookie until it expires', async () => {
    const cookie = await startSession(db, keys, now);
    expect(await sessionIsValid(db, cookie, keys, now + 1000)).toBe(true);
    expect(await sessionIsValid(db, cookie, keys, now + SESSION_MAX_AGE_S * 1000)).toBe(false);
  });

  it('refuses a cookie copied before sign-out, after it', async () => {
    const cookie = await startSession(db, keys, now);
    const copy = cookie.slice();
    const other = await startSession(db, keys, now);
    await endSession(db, cookie);
    expect(await sessionIsValid(db, copy, keys, now + 1000)).toBe(false);
    // Signing out ends that session only.
    expect(await sessionIsValid(db, other, keys, now + 1000)).toBe(true);
  });

  it('refuses forged cookies, other secrets and a changed password', async () => {
    const cookie = await startSession(db, keys, now);
    const [token = '', mac = ''] = cookie.split('.');
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [
      `${flipped}.${mac}`,
      `${token}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      token,
      `${token}.${mac}.x`,
      `${token}.${mac.slice(1)}`,
      '',
      undefined,
      `${'\u0000'.repeat(43)}.${mac}`,
      'x'.repeat(10_000),
    ]) {
      expect(await sessionIsValid(db, forged, keys, now + 1000), String(forged)).toBe(false);
    }
    expect(await sessionIsValid(db, cookie, { ...keys, secret: 'other' }, now + 1000)).toBe(false);
    expect(await sessionIsValid(db, cookie, { ...keys, password: 'a new password!' }, now)).toBe(
      false,
    );
  });

  it('stores no token, only its hash', async () => {
    const cookie = await startSession(db, keys, now);
    const [token = ''] = cookie.split('.');
    const rows = await db
      .withTables<{ admin_sessions: { id: string } }>()
      .selectFrom('admin_sessions')
      .select('id')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it('clears expired sessions when a new one starts', async () => {
    await startSession(db, keys, now);
    const later = now + 2 * SESSION_MAX_AGE_S * 1000;
    await startSession(db, keys, later);
    const rows = await db
      .withTables<{ admin_sessions: { expires_at: string } }>()
      .selectFrom('admin_sessions')
      .select('expires_at')
      .execute();
    expect(rows.every((r) => r.expires_at > new Date(later).toISOString())).toBe(true);
  });
});

describe('passwordMatches', () => {
  it('compares passwords exactly', () => {
    expect(passwordMatches('pw', 'pw')).toBe(true);
    expect(passwordMatches('pw ', 'pw')).toBe(false);
  });
});
