import 'server-only';
import { cookies } from 'next/headers';
import { getDb } from '@/lib/comments/db';
import { commentsSecret } from '@/lib/comments/secret';
import { adminPassword } from '@/lib/security/secret-settings';
import { SESSION_COOKIE, SESSION_MAX_AGE_S, sessionIsValid } from './session';

export type AdminAccess = 'off' | 'too-short' | 'signed-out' | 'signed-in';

/**
 * No ADMIN_PASSWORD, no admin area: there is no default password to guess. A password under
 * 12 characters keeps it off too (lib/security/secret-settings.ts).
 */
export async function adminAccess(): Promise<AdminAccess> {
  const password = adminPassword();
  if (password.state !== 'on') return password.state;
  const session = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!session) return 'signed-out';
  const keys = { secret: commentsSecret(), password: password.value };
  return (await sessionIsValid(await getDb(), session, keys)) ? 'signed-in' : 'signed-out';
}

/**
 * `Secure` whenever the server runs in production: browsers then send the cookie over https
 * only (Chromium and Firefox also over http to localhost and 127.0.0.1, which they count as
 * secure, so a local `npm start` still signs in).
 */
export const sessionCookieOptions = () => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: process.env.NODE_ENV === 'production',
  path: '/admin',
  maxAge: SESSION_MAX_AGE_S,
});
