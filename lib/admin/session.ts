import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';

export const SESSION_COOKIE = 'masthead_admin';
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * One row per signed-in moderator (migration 002-admin-sessions). Only a hash of the cookie's
 * token is stored, so reading the table does not let anyone sign in.
 */
export type AdminSessionsTable = { id: string; created_at: string; expires_at: string };
type SessionDb = Kysely<{ admin_sessions: AdminSessionsTable }>;

// Any comments database: the sessions table sits beside the comments.
const sessions = <DB>(db: Kysely<DB>): SessionDb =>
  db.withTables<{ admin_sessions: AdminSessionsTable }>() as unknown as SessionDb;

export type SessionKeys = { secret: string; password: string };

/**
 * The cookie is `token.mac`: the token finds the row, and the MAC, keyed with the admin
 * password, means that changing ADMIN_PASSWORD signs everybody out without touching the table.
 */
const mac = ({ secret, password }: SessionKeys, token: string) =>
  createHmac('sha256', createHmac('sha256', secret).update(`admin-key:${password}`).digest())
    .update(token)
    .digest('base64url');

const rowId = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new session: its row, and the cookie value that names it. Expired rows go at the same time. */
export async function startSession<DB>(
  db: Kysely<DB>,
  keys: SessionKeys,
  now = Date.now(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const table = sessions(db);
  await table
    .deleteFrom('admin_sessions')
    .where('expires_at', '<=', new Date(now).toISOString())
    .execute();
  await table
    .insertInto('admin_sessions')
    .values({
      id: rowId(token),
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + SESSION_MAX_AGE_S * 1000).toISOString(),
    })
    .execute();
  return `${token}.${mac(keys, token)}`;
}

const TOKEN = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

/** Whether a cookie names a session that was started, has not ended, and has not expired. */
export async function sessionIsValid<DB>(
  db: Kysely<DB>,
  cookie: string | undefined,
  keys: SessionKeys,
  now = Date.now(),
): Promise<boolean> {
  const [, token = '', given = ''] = TOKEN.exec(cookie ?? '') ?? [];
  if (!token) return false;
  const expected = Buffer.from(mac(keys, token));
  if (!timingSafeEqual(Buffer.from(given), expected)) return false;
  const row = await sessions(db)
    .selectFrom('admin_sessions')
    .select('id')
    .where('id', '=', rowId(token))
    .where('expires_at', '>', new Date(now).toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends the session a cookie names: a copy of that cookie is refused from now on. */
export async function endSession<DB>(db: Kysely<DB>, cookie: string | undefined): Promise<void> {
  const [, token = ''] = TOKEN.exec(cookie ?? '') ?? [];
  if (token)
    await sessions(db).deleteFrom('admin_sessions').where('id', '=', rowId(token)).execute();
}

/** Compares without leaking, through timing, how much of the password was right. */
export function passwordMatches(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
}
