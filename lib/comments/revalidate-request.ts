import { signatureMatches } from '../publish/signature';
import type { AttemptThrottle } from '../security/throttle';

/**
 * `npm run comments -- approve …` changes the database from a terminal; this asks the server to
 * refresh the articles whose discussion changed, so the CLI is as quick as the moderation page
 * (with a shared cache, on every instance at once). The body names article slugs, never paths:
 * the server looks each up, so a request can only refresh real article pages.
 */
export const REVALIDATE_HEADER = 'x-masthead-signature';
export const MAX_SLUGS = 100;
const MAX_SKEW_MS = 5 * 60_000;

export type RevalidateDeps = {
  /** COMMENTS_SECRET (or the data folder's key): the CLI signs with the same. */
  secret: string;
  throttle: AttemptThrottle;
  network: string;
  /** The article's URL path, or undefined for a slug that is no published article. */
  urlOf: (slug: string) => string | undefined;
  revalidate: (path: string) => void;
  now?: number;
};

const answer = (status: number, body: Record<string, unknown>, headers = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

export function revalidateBody(slugs: string[], now = Date.now()): string {
  return JSON.stringify({ slugs, sentAt: now });
}

export async function answerRevalidate(
  body: string,
  headers: Headers,
  deps: RevalidateDeps,
): Promise<Response> {
  const now = deps.now ?? Date.now();
  // The signature first: a right one is never throttled, so nobody's wrong guesses can keep the
  // CLI's refreshes out. Only wrong ones count; a network that sends too many is told to wait.
  // (An HMAC key is not guessed online, so comparing before the throttle gives nothing away.)
  if (!signatureMatches(body, headers.get(REVALIDATE_HEADER), deps.secret)) {
    const verdict = await deps.throttle.check(deps.network, now);
    if (!verdict.allowed) {
      return answer(
        429,
        { error: 'too many wrong signatures' },
        { 'Retry-After': String(verdict.retryAfterS) },
      );
    }
    await deps.throttle.fail(deps.network, now);
    return answer(401, { error: `${REVALIDATE_HEADER} is not the body signed with the key` });
  }
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return answer(400, { error: 'the body is not JSON' });
  }
  const { slugs, sentAt } = (message ?? {}) as { slugs?: unknown; sentAt?: unknown };
  if (typeof sentAt !== 'number' || Math.abs(now - sentAt) > MAX_SKEW_MS) {
    // A recorded request replayed later refreshes nothing.
    return answer(400, { error: '`sentAt` is missing or more than 5 minutes off' });
  }
  if (
    !Array.isArray(slugs) ||
    slugs.length === 0 ||
    slugs.length > MAX_SLUGS ||
    !slugs.every((s): s is string => typeof s === 'string' && s.length <= 200)
  ) {
    return answer(400, { error: `\`slugs\` must list 1 to ${MAX_SLUGS} article slugs` });
  }
  const paths = [...new Set(slugs.map(deps.urlOf).filter((p): p is string => p !== undefined))];
  for (const path of paths) deps.revalidate(path);
  return answer(200, { revalidated: paths });
}
