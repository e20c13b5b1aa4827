import type { Kysely } from 'kysely';
import { testDatabases } from '@/test/support/test-databases';
import { createThrottle } from '../security/throttle';
import { deliveryLog } from './deliveries';
import { answerPublish, type PublishDeps } from './endpoint';
import { INTERNAL_HEADER } from './messages';
import { signBody } from './signature';

const SECRET = 'a-publish-secret-long-enough';
const VERSION = '20261203-081629740-b2f846';
const NOW = Date.parse('2026-12-03T09:00:00Z');
const sha = 'a'.repeat(40);

// The delivery log on a real database (SQLite; the store's own test runs PostgreSQL too).
let db: Kysely<unknown>;
let closeDb: () => Promise<void>;
beforeAll(async () => {
  const opened = await testDatabases[0]!.open();
  db = opened.db as Kysely<unknown>;
  closeDb = opened.close;
});
afterAll(() => closeDb());

let deliveries = 0;
/** A delivery id GitHub has not sent before. */
const newDelivery = () => `72d3162e-cc78-11e3-81ab-${String(++deliveries).padStart(12, '0')}`;

function deps(
  over: Partial<PublishDeps> = {},
): PublishDeps & { published: string[]; syncs: number } {
  const state = { published: [] as string[], syncs: 0 };
  return Object.assign(state, {
    secret: { state: 'on', value: SECRET } as const,
    throttle: createThrottle(),
    network: 'net-1',
    internalToken: 'the-watchers-token',
    sync: () => {
      state.syncs += 1;
      return { live: VERSION, revalidated: 3, everything: false, nextCheckAt: null, tookMs: 5 };
    },
    publishCommit: (commit: string) => {
      state.published.push(commit);
      return undefined;
    },
    deliveries: deliveryLog(async () => db),
    branch: 'refs/heads/main',
    repository: undefined,
    now: NOW,
    ...over,
  });
}

const signed = (body: string, extra: Record<string, string> = {}) =>
  new Headers({ 'x-hub-signature-256': signBody(body, SECRET), ...extra });

/** A push as GitHub delivers it: signed, with its event and a delivery id of its own. */
const pushed = (body: string, delivery = newDelivery()) =>
  signed(body, { 'x-github-event': 'push', 'x-github-delivery': delivery });

const cli = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ version: VERSION, sentAt: NOW - 1000, ...over });

const push = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ ref: 'refs/heads/main', after: sha, repository: { full_name: 'n/c' }, ...over });

describe('POST /api/publish', () => {
  it('puts the version live for npm run publish, and answers once it is', async () => {
    const d = deps();
    const response = await answerPublish(cli(), signed(cli()), d);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ live: VERSION, revalidated: 3, tookMs: 5 });
    expect(d.syncs).toBe(1);
  });

  it('says so when another version is live', async () => {
    const body = cli({ version: '20261203-081629740-000000' });
    const response = await answerPublish(body, signed(body), deps());
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ live: VERSION });
  });

  it.each([
    ['no signature', new Headers()],
    [
      'a signature under another secret',
      new Headers({ 'x-hub-signature-256': signBody(cli(), 'another-secret-entirely') }),
    ],
    [
      'a signature of another body',
      new Headers({ 'x-hub-signature-256': signBody(cli({ sentAt: 1 }), SECRET) }),
    ],
    [
      'a huge signature header',
      new Headers({ 'x-hub-signature-256': `sha256=${'f'.repeat(10_000)}` }),
    ],
  ])('refuses %s, and does nothing', async (_, headers) => {
    const d = deps();
    expect((await answerPublish(cli(), headers, d)).status).toBe(401);
    expect(d.syncs).toBe(0);
  });

  it('refuses a recorded request replayed later, and one from the future', async () => {
    for (const sentAt of [NOW - 6 * 60_000, NOW + 6 * 60_000, 'yesterday']) {
      const body = cli({ sentAt });
      expect((await answerPublish(body, signed(body), deps())).status).toBe(400);
    }
  });

  it.each(['not json', '[]', 'null', JSON.stringify({ version: '../../etc' })])(
    'refuses a signed body that is not a publish request: %s',
    async (body) => {
      expect((await answerPublish(body, signed(body), deps())).status).toBe(400);
    },
  );

  it('makes a network that keeps guessing wait, but never a correct signature', async () => {
    const d = deps();
    for (let i = 0; i < 6; i++) await answerPublish(cli(), new Headers(), d);
    const guess = await answerPublish(cli(), new Headers(), d);
    expect(guess.status).toBe(429);
    expect(Number(guess.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await answerPublish(cli(), signed(cli()), d)).status).toBe(200);
  });

  it('accepts a signed push and publish after 240 forged webhooks from many networks and from one', async () => {
    const d = deps();
    const forged = new Headers({
      'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
      'x-github-event': 'push',
      'x-github-delivery': newDelivery(),
    });
    const statuses = new Set<number>();
    for (let i = 0; i < 120; i++) {
      const network = { network: `net-${i + 100}` };
      statuses.add((await answerPublish(push(), forged, { ...d, ...network })).status);
      statuses.add((await answerPublish(push(), forged, d)).status);
    }
    // The forgeries were refused and counted: the one network is held up by now.
    expect([...statuses].sort()).toEqual([401, 429]);
    expect((await answerPublish(push(), forged, d)).status).toBe(429);
    const accepted = await answerPublish(push(), pushed(push()), d);
    expect(accepted.status).toBe(202);
    expect(d.published).toEqual([sha]);
    expect((await answerPublish(cli(), signed(cli()), d)).status).toBe(200);
  });

  it('is off without PUBLISH_SECRET, and with one too short', async () => {
    expect(
      (await answerPublish(cli(), signed(cli()), deps({ secret: { state: 'off' } }))).status,
    ).toBe(404);
    const short = deps({ secret: { state: 'too-short', length: 5 } });
    expect((await answerPublish(cli(), signed(cli()), short)).status).toBe(404);
  });

  it('publishes the pushed commit of a GitHub push to the branch, in the background', async () => {
    const d = deps();
    const response = await answerPublish(push(), pushed(push()), d);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ publishing: sha });
    expect(d.published).toEqual([sha]);
  });

  it('refuses a delivery it has received before (GitHub\'s "Redeliver", a replay)', async () => {
    const d = deps();
    const delivery = newDelivery();
    expect((await answerPublish(push(), pushed(push(), delivery), d)).status).toBe(202);
    const again = await answerPublish(push(), pushed(push(), delivery), d);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: `delivery ${delivery} was received before: a redelivered push publishes nothing (docs/decisions/018)`,
    });
    // Another instance on the same database refuses it as well.
    const other = deps({ deliveries: deliveryLog(async () => db) });
    expect((await answerPublish(push(), pushed(push(), delivery), other)).status).toBe(409);
    expect([...d.published, ...other.published]).toEqual([sha]);
  });

  it.each([
    ['no delivery id', undefined],
    ['an empty one', ''],
    ['one that is a path', '../../etc/passwd'],
    ['one far too long', 'a'.repeat(65)],
  ])('refuses a push with %s', async (_, delivery) => {
    const d = deps();
    const headers = signed(push(), { 'x-github-event': 'push' });
    if (delivery !== undefined) headers.set('x-github-delivery', delivery);
    expect((await answerPublish(push(), headers, d)).status).toBe(400);
    expect(d.published).toEqual([]);
  });

  it('publishes pushes of PUBLISH_REPOSITORY only, when it is set', async () => {
    const d = deps({ repository: 'Newsroom/Content' });
    const ours = push({ repository: { full_name: 'newsroom/content' } });
    expect((await answerPublish(ours, pushed(ours), d)).status).toBe(202);
    for (const repository of [{ full_name: 'someone/else' }, undefined, 'newsroom/content']) {
      const theirs = push({ repository });
      const response = await answerPublish(theirs, pushed(theirs), d);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toContain(
        'PUBLISH_REPOSITORY is "Newsroom/Content"',
      );
    }
    expect(d.published).toEqual([sha]);
  });

  it('says so, and publishes nothing, when the delivery cannot be recorded', async () => {
    const gone = deliveryLog(() => Promise.reject(new Error('the database is gone')));
    const d = deps({ deliveries: gone });
    expect((await answerPublish(push(), pushed(push()), d)).status).toBe(503);
    expect(d.published).toEqual([]);
  });

  it('says so when the server has no content pipeline to publish a push with', async () => {
    const d = { ...deps(), publishCommit: () => 'no pipeline here' };
    const delivery = newDelivery();
    const response = await answerPublish(push(), pushed(push(), delivery), d);
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({ error: 'no pipeline here' });
    // Nothing was published, so redelivering it to a server that can is not a replay.
    expect((await answerPublish(push(), pushed(push(), delivery), deps())).status).toBe(202);
  });

  it.each([
    ['another branch', push({ ref: 'refs/heads/draft' }), 202],
    ['a deleted branch', push({ deleted: true }), 202],
    ['a commit id that is a command', push({ after: '--upload-pack=touch /tmp/x' }), 400],
    ['a short commit id', push({ after: 'abc123' }), 400],
  ])('publishes nothing for %s', async (_, body, status) => {
    const d = deps();
    expect((await answerPublish(body, pushed(body), d)).status).toBe(status);
    expect(d.published).toEqual([]);
  });

  it('answers a ping, and ignores events that are not pushes', async () => {
    const body = '{"zen":"Keep it logically awesome."}';
    expect(
      (await answerPublish(body, signed(body, { 'x-github-event': 'ping' }), deps())).status,
    ).toBe(200);
    const d = deps();
    expect(
      (await answerPublish(body, signed(body, { 'x-github-event': 'issues' }), d)).status,
    ).toBe(202);
    expect(d.published).toEqual([]);
  });

  it("syncs for this server's own watcher only with its token", async () => {
    const d = deps();
    expect(
      (await answerPublish('{}', new Headers({ [INTERNAL_HEADER]: 'the-watchers-token' }), d))
        .status,
    ).toBe(200);
    expect(
      (await answerPublish('{}', new Headers({ [INTERNAL_HEADER]: 'a guess' }), d)).status,
    ).toBe(401);
    const unwatched = deps({ internalToken: undefined });
    expect(
      (await answerPublish('{}', new Headers({ [INTERNAL_HEADER]: '' }), unwatched)).status,
    ).toBe(401);
    expect(d.syncs).toBe(1);
  });
});
