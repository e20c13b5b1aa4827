import 'server-only';
import { cookies, headers } from 'next/headers';
import { getDb } from '@/lib/comments/db';
import { commentsSecret } from '@/lib/comments/secret';
import { networkKey } from '@/lib/security/attempts';
import { adminPassword, previewSecret } from '@/lib/security/secret-settings';
import type { Requester } from '@/lib/security/throttle';
import {
  DEVICE_COOKIES,
  deviceCookieOptions,
  deviceOf,
  newDeviceCookie,
  type DeviceKeys,
  type DeviceScope,
} from './device';
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

function deviceKeys(scope: DeviceScope): DeviceKeys | undefined {
  const setting = scope === 'admin' ? adminPassword() : previewSecret();
  return setting.state === 'on' ? { secret: commentsSecret(), key: setting.value } : undefined;
}

/**
 * Who an attempt at the password or the preview secret counts under: the device its cookie
 * names, when the browser has got that secret right before, or else its network.
 */
export async function attemptRequester(scope: DeviceScope): Promise<Requester> {
  const keys = deviceKeys(scope);
  const cookie = (await cookies()).get(DEVICE_COOKIES[scope].name)?.value;
  const device = keys ? deviceOf(scope, cookie, keys) : undefined;
  return device ? { device } : networkKey(await headers());
}

/**
 * After a right secret, this browser is the newsroom's: its device cookies (a new one, or the one
 * it had, for another half-year). A moderator's sign-in vouches for preview too, since it is the
 * same newsroom; a right preview secret vouches for preview alone, so knowing it never buys
 * anyone a lane of their own for guessing the password.
 */
export async function rememberDevice(scopes: DeviceScope[]): Promise<void> {
  const jar = await cookies();
  for (const scope of scopes) {
    const keys = deviceKeys(scope);
    if (!keys) continue;
    const current = jar.get(DEVICE_COOKIES[scope].name)?.value;
    const value =
      current !== undefined && deviceOf(scope, current, keys)
        ? current
        : newDeviceCookie(scope, keys);
    jar.set(DEVICE_COOKIES[scope].name, value, deviceCookieOptions(scope));
  }
}
