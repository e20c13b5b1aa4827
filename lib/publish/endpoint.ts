import type { AttemptThrottle } from '../security/throttle';
import type { SecretSetting } from '../security/secret-settings';
import {
  INTERNAL_HEADER,
  MAX_CLOCK_SKEW_MS,
  VERSION_ID,
  type PublishAnswer,
  type PublishRequest,
} from './messages';
import { signatureMatches, tokenMatches } from './signature';
import type { SyncResult } from './sync';

export type PublishDeps = {
  secret: SecretSetting;
  throttle: AttemptThrottle;
  network: string;
  /** This process's own watcher's token (instrumentation.ts), when it runs. */
  internalToken: string | undefined;
  sync: () => SyncResult | Promise<SyncResult>;
  /**
   * Fetches and publishes a commit in the background; or says why this server cannot (one run
   * from the standalone output has no content pipeline).
   */
  publishCommit: (sha: string) => string | undefined;
  /** The branch whose pushes publish, e.g. refs/heads/main. */
  branch: string;
  now?: number;
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

const refuse = (status: number, error: string, headers: Record<string, string> = {}) =>
  json({ error }, status, headers);

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * POST /api/publish, one spine for three callers:
 * - this server's own watcher (a version another process wrote, a scheduled article's time):
 *   its per-process token, then sync;
 * - `npm run publish`, with the version it wrote: signed with PUBLISH_SECRET, then sync, and
 *   answered once that version is live;
 * - a git host's push webhook (GitHub's X-Hub-Signature-256): signed the same way, then the
 *   pushed commit is fetched and published in the background (202).
 * Wrong signatures are throttled like wrong passwords; nothing is read from the body before its
 * signature is checked.
 */
export async function answerPublish(
  body: string,
  headers: Headers,
  deps: PublishDeps,
): Promise<Response> {
  if (headers.has(INTERNAL_HEADER)) {
    if (!tokenMatches(headers.get(INTERNAL_HEADER), deps.internalToken)) {
      return refuse(401, 'unknown internal caller');
    }
    return json(await deps.sync());
  }
  if (deps.secret.state !== 'on') {
    return refuse(
      404,
      deps.secret.state === 'off'
        ? 'publishing over HTTP is off: set PUBLISH_SECRET'
        : 'PUBLISH_SECRET is too short (at least 12 characters): publishing over HTTP is off',
    );
  }
  const verdict = await deps.throttle.check(deps.network, deps.now);
  if (!verdict.allowed) {
    return refuse(429, 'too many wrong signatures from your network', {
      'Retry-After': String(verdict.retryAfterS),
    });
  }
  if (!signatureMatches(body, headers.get('x-hub-signature-256'), deps.secret.value)) {
    await deps.throttle.fail(deps.network, deps.now);
    return refuse(401, 'the X-Hub-Signature-256 header is not the body signed with PUBLISH_SECRET');
  }
  await deps.throttle.succeed(deps.network);
  const message = parse(body);
  if (!isObject(message)) return refuse(400, 'the body is not a JSON object');

  const event = headers.get('x-github-event');
  if (event === 'ping') return json({ ok: true });
  if (event !== null) {
    if (event !== 'push')
      return json({ ignored: `a ${event.slice(0, 40)} event publishes nothing` }, 202);
    const { ref, after, deleted } = message;
    if (ref !== deps.branch) return json({ ignored: `only pushes to ${deps.branch} publish` }, 202);
    if (deleted === true) return json({ ignored: 'a deleted branch publishes nothing' }, 202);
    if (typeof after !== 'string' || !/^[0-9a-f]{40}$/.test(after)) {
      return refuse(400, '`after` is not a commit id');
    }
    const cannot = deps.publishCommit(after);
    if (cannot) return refuse(501, cannot);
    return json({ publishing: after }, 202);
  }

  const { version, sentAt } = message as Partial<PublishRequest>;
  if (typeof version !== 'string' || !VERSION_ID.test(version)) {
    return refuse(400, '`version` is not a content version id');
  }
  const now = deps.now ?? Date.now();
  if (typeof sentAt !== 'number' || Math.abs(now - sentAt) > MAX_CLOCK_SKEW_MS) {
    return refuse(400, '`sentAt` is missing or more than five minutes off this server’s clock');
  }
  const result = await deps.sync();
  if (result.live !== version) {
    // Another publish landed after this one was written: what is live is newer, or the version
    // never reached this server's disk.
    return json({ error: 'another version is live', live: result.live }, 409);
  }
  const answer: PublishAnswer = {
    live: result.live,
    revalidated: result.revalidated,
    tookMs: result.tookMs,
  };
  return json(answer);
}
