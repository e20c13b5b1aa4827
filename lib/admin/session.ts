import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'masthead_admin';
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * The key signs sessions with the admin password mixed in, so changing ADMIN_PASSWORD signs
 * everybody out.
 */
const key = (secret: string, password: string) =>
  createHmac('sha256', secret).update(`admin-key:${password}`).digest();

export function signSession(secret: string, password: string, now = Date.now()): string {
  const expires = String(now + SESSION_MAX_AGE_S * 1000);
  const mac = createHmac('sha256', key(secret, password)).update(expires).digest('base64url');
  return `${expires}.${mac}`;
}

export function verifySession(
  value: string | undefined,
  secret: string,
  password: string,
  now = Date.now(),
): boolean {
  if (!value) return false;
  const [expires = '', mac = ''] = value.split('.');
  const expected = Buffer.from(
    createHmac('sha256', key(secret, password)).update(expires).digest('base64url'),
  );
  const given = Buffer.from(mac);
  return (
    given.length === expected.length && timingSafeEqual(given, expected) && Number(expires) > now
  );
}

/** Compares without leaking, through timing, how much of the password was right. */
export function passwordMatches(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
}
