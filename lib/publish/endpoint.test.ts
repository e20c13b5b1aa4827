import { createThrottle } from '../security/throttle';
import { answerPublish, type PublishDeps } from './endpoint';
import { INTERNAL_HEADER } from './messages';
import { signBody } from './signature';

const SECRET = 'a-publish-secret-long-enough';
const VERSION = '20261203-081629740-b2f846';
const NOW = Date.parse('2026-12-03T09:00:00Z');
const sha = 'a'.repeat(40);

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
    branch: 'refs/heads/main',
    now: NOW,
    ...over,
  });
}

const signed = (body: string, extra: Record<string, string> = {}) =>
  new Headers({ 'x-hub-signature-256': signBody(body, SECRET), ...extra });

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

  it('makes a network that keeps guessing wait, even for the right signature', async () => {
    const d = deps();
    for (let i = 0; i < 6; i++) await answerPublish(cli(), new Headers(), d);
    const response = await answerPublish(cli(), signed(cli()), d);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
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
    const response = await answerPublish(push(), signed(push(), { 'x-github-event': 'push' }), d);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ publishing: sha });
    expect(d.published).toEqual([sha]);
  });

  it('says so when the server has no content pipeline to publish a push with', async () => {
    const d = { ...deps(), publishCommit: () => 'no pipeline here' };
    const response = await answerPublish(push(), signed(push(), { 'x-github-event': 'push' }), d);
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({ error: 'no pipeline here' });
  });

  it.each([
    ['another branch', push({ ref: 'refs/heads/draft' }), 202],
    ['a deleted branch', push({ deleted: true }), 202],
    ['a commit id that is a command', push({ after: '--upload-pack=touch /tmp/x' }), 400],
    ['a short commit id', push({ after: 'abc123' }), 400],
  ])('publishes nothing for %s', async (_, body, status) => {
    const d = deps();
    expect((await answerPublish(body, signed(body, { 'x-github-event': 'push' }), d)).status).toBe(
      status,
    );
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
