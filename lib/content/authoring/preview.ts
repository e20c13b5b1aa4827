import { createHash, timingSafeEqual } from 'node:crypto';
import type { AttemptThrottle, Requester } from '@/lib/security/throttle';
import { MIN_SECRET_LENGTH, type SecretSetting } from '@/lib/security/secret-settings';

/** Compares secrets without leaking, through timing, how much of one was right. */
export function secretMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** An origin nothing can resolve, to tell a path on this site from one that leaves it. */
const HERE = 'http://masthead.invalid';
const MAX_PATH = 2048;
/**
 * Browsers strip tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example` and
 * `/\evil.example` both leave the site; controls also make the Location header itself invalid.
 */
const REFUSED = /[\p{Cc}\p{Cf}\p{Z}\\]/u;

/**
 * A path on this site to go to after switching preview on or off; anything else, or anything
 * a browser might read differently from us, becomes the front page.
 */
export function safeReturnPath(path: string | null): string {
  if (!path || path.length > MAX_PATH || REFUSED.test(path) || !path.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(path, HERE);
  } catch {
    return '/';
  }
  // Resolving dot segments can turn `/.//evil.example` into `//evil.example`.
  const resolved = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === HERE && !resolved.startsWith('//') ? resolved : '/';
}

/** The preview form, with the article's path filled in when it is one on this site. */
export function previewFormPath(path: string | null): string {
  const safe = safeReturnPath(path);
  return safe === '/' ? '/admin/preview' : `/admin/preview?path=${encodeURIComponent(safe)}`;
}

export type PreviewAnswer =
  | { kind: 'off'; why: string }
  | { kind: 'throttled'; retryAfterS: number }
  | { kind: 'wrong' }
  | { kind: 'open' };

/**
 * Whether a preview secret opens preview for a network, or for a browser that has got it right
 * before (its device cookie). One that has guessed wrong too often is answered before the secret
 * is even compared.
 */
export async function answerPreview(
  given: string | null,
  who: Requester,
  setting: SecretSetting,
  throttle: AttemptThrottle,
): Promise<PreviewAnswer> {
  if (setting.state === 'off') {
    return { kind: 'off', why: 'set PREVIEW_SECRET on the server to turn it on' };
  }
  if (setting.state === 'too-short') {
    return { kind: 'off', why: `PREVIEW_SECRET must be at least ${MIN_SECRET_LENGTH} characters` };
  }
  const verdict = await throttle.check(who);
  if (!verdict.allowed) return { kind: 'throttled', retryAfterS: verdict.retryAfterS };
  if (!secretMatches(given ?? '', setting.value)) {
    await throttle.fail(who);
    return { kind: 'wrong' };
  }
  await throttle.succeed(who);
  return { kind: 'open' };
}
