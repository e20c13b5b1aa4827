import 'server-only';
import { cookies } from 'next/headers';
import { commentsSecret } from '@/lib/comments/secret';
import { SESSION_COOKIE, verifySession } from './session';

export type AdminAccess = 'off' | 'signed-out' | 'signed-in';

/** No ADMIN_PASSWORD, no admin area: there is no default password to guess. */
export async function adminAccess(): Promise<AdminAccess> {
  const password = process.env.ADMIN_PASSWORD;
  if (!password) return 'off';
  const session = (await cookies()).get(SESSION_COOKIE)?.value;
  return verifySession(session, commentsSecret(), password) ? 'signed-in' : 'signed-out';
}
