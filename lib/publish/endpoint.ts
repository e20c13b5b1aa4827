import type { AttemptThrottle } from '../security/throttle';
import type { SecretSetting } from '../security/secret-settings';
import {
  INTERNAL_HEADER,
  MAX_CLOCK_SKEW_MS,
  VERSION_ID,
  type PublishAnswer,
  type PublishRequest,
} from './messages';
import { DELIVERY_ID, type DeliveryLog } from './deliveries';
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
  /** Push deliveries already received, in the database every instance shares. */
  deliveries: DeliveryLog;
  /** The branch whose pushes publish, e.g. refs/heads/main. */
  branch: string;
  /** PUBLISH_REPOSITORY: when set, only pushes to this repository (`owner/name`) publish. */
  repository: string | undefined;
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
 * The signature is checked before anything else, and before the throttle: only wrong ones are
 * throttled, like wrong passwords; nothing is read from the body before its signature is checked.
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
  // The signature first: a correctly signed request (npm run publish, the git host's push) is
  // never held up by the throttle, so strangers' forgeries cannot keep the newsroom's own
  // publishes out. Only wrong signatures are counted, and only they wait.
  if (!signatureMatches(body, headers.get('x-hub-signature-256'), deps.secret.value)) {
    const verdict = await deps.throttle.check(deps.network, deps.now);
    if (!verdict.allowed) {
      return refuse(429, 'too many wrong signatures from your network', {
        'Retry-After': String(verdict.retryAfterS),
      });
    }
    await deps.throttle.fail(deps.network, deps.now);
    return refuse(401, 'the X-Hub-Signature-256 header is not the body signed with PUBLISH_SECRET');
  }
  const message = parse(body);
  if (!isObject(message)) return refuse(400, 'the body is not a JSON object');

  const event = headers.get('x-github-event');
  if (event === 'ping') return json({ ok: true });
  if (event !== null) return answerPush(event, message, headers, deps);

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

/**
 * A signed push: publishes only what moves the site forward (decision 018). The signature covers
 * the body, not the headers, so the delivery id stops GitHub's "Redeliver" and careless replays,
 * and the publish itself refuses a commit that is neither the branch head nor a descendant of
 * what is live (scripts/lib/content-commit.ts): that is what stops a replay with a new id.
 */
async function answerPush(
  event: string,
  message: Record<string, unknown>,
  headers: Headers,
  deps: PublishDeps,
): Promise<Response> {
  if (event !== 'push') {
    return json({ ignored: `a ${event.slice(0, 40)} event publishes nothing` }, 202);
  }
  const { ref, after, deleted, repository } = message;
  if (ref !== deps.branch) return json({ ignored: `only pushes to ${deps.branch} publish` }, 202);
  if (deleted === true) return json({ ignored: 'a deleted branch publishes nothing' }, 202);
  if (typeof after !== 'string' || !/^[0-9a-f]{40}$/.test(after)) {
    return refuse(400, '`after` is not a commit id');
  }
  if (deps.repository !== undefined) {
    const name = isObject(repository) ? repository.full_name : undefined;
    if (typeof name !== 'string' || name.toLowerCase() !== deps.repository.toLowerCase()) {
      const given = typeof name === 'string' ? JSON.stringify(name.slice(0, 100)) : 'no repository';
      const why = `a push to ${given} publishes nothing here: PUBLISH_REPOSITORY is "${deps.repository}"`;
      console.warn(`publish: push of ${after} refused: ${why}`);
      return refuse(403, why);
    }
  }
  const delivery = headers.get('x-github-delivery');
  if (delivery === null || !DELIVERY_ID.test(delivery)) {
    return refuse(400, 'the X-GitHub-Delivery header is missing or not a delivery id');
  }
  let first: boolean;
  try {
    first = await deps.deliveries.first(delivery, deps.now ?? Date.now());
  } catch (error) {
    console.error(`publish: could not record delivery ${delivery}: ${String(error)}`);
    return refuse(503, 'the delivery could not be recorded; nothing was published: try again');
  }
  if (!first) {
    const why = `delivery ${delivery} was received before: a redelivered push publishes nothing (docs/decisions/018)`;
    console.warn(`publish: push of ${after} refused: ${why}`);
    return refuse(409, why);
  }
  const cannot = deps.publishCommit(after);
  if (cannot) {
    // Nothing was published: once the server can, redelivering this push must work.
    await deps.deliveries.forget(delivery).catch(() => undefined);
    return refuse(501, cannot);
  }
  return json({ publishing: after }, 202);
}
