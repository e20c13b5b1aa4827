import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device cookies, as OWASP's "Slow Down Online Guessing Attacks with Device Cookies" describes
 * them: a browser that got a newsroom secret right carries a signed, HttpOnly, long-lived cookie
 * naming it, and its later attempts count in a lane of their own (lib/security/throttle.ts), out
 * of reach of everybody else's failures (docs/decisions/017).
 *
 * One cookie per secret, each on the path of the form that checks it: `/admin` for the password
 * (the sign-in is a server action posted to /admin/comments), `/api/preview` for the preview
 * secret. Article pages never carry them, so caches in front of the site see no cookie.
 */
export type DeviceScope = 'admin' | 'preview';

export const DEVICE_COOKIES: Record<DeviceScope, { name: string; path: string }> = {
  admin: { name: 'masthead_device', path: '/admin' },
  preview: { name: 'masthead_preview_device', path: '/api/preview' },
};

/** Half a year: long enough for a moderator who signs in once a season. */
export const DEVICE_MAX_AGE_S = 180 * 24 * 60 * 60;

/**
 * `secret` is COMMENTS_SECRET (or the data folder's key); `key` is the scope's own secret, so
 * changing ADMIN_PASSWORD or PREVIEW_SECRET (after a leak, say) un-trusts every device that
 * proved the old one, without a table to clear.
 */
export type DeviceKeys = { secret: string; key: string };

const mac = (scope: DeviceScope, { secret, key }: DeviceKeys, id: string) =>
  createHmac('sha256', createHmac('sha256', secret).update(`device:${scope}:${key}`).digest())
    .update(id)
    .digest('base64url');

/** A new device cookie's value: `id.mac`. */
export function newDeviceCookie(scope: DeviceScope, keys: DeviceKeys): string {
  const id = randomBytes(32).toString('base64url');
  return `${id}.${mac(scope, keys, id)}`;
}

const COOKIE = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

/**
 * The throttle's name for the device a cookie names, or undefined for anything that is not a
 * cookie this server signed for this scope. A hash of the id: the throttle's records (in Redis,
 * say) are not cookies anyone could present.
 */
export function deviceOf(
  scope: DeviceScope,
  cookie: string | undefined,
  keys: DeviceKeys,
): string | undefined {
  const [, id = '', given = ''] = COOKIE.exec(cookie ?? '') ?? [];
  if (!id) return undefined;
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(mac(scope, keys, id)))) return undefined;
  return createHash('sha256').update(`${scope}:${id}`).digest('base64url');
}

/** `Secure` in production, like the session cookie (lib/admin/auth.ts). */
export const deviceCookieOptions = (scope: DeviceScope) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: process.env.NODE_ENV === 'production',
  path: DEVICE_COOKIES[scope].path,
  maxAge: DEVICE_MAX_AGE_S,
});
