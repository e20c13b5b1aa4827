// @vitest-environment node
import { createClient } from 'redis';
import { privateRedis, privateRedisUnavailable } from '../../test/support/private-redis.mjs';
import { agree, AGREEMENT_KEY, missingSettings, ownSettings } from './agreement';
import type { Redis } from './redis';

const unavailable = privateRedisUnavailable();
const env = { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'key-one', COMMENTS_SECRET: 'secret-one' };

describe('missingSettings', () => {
  it('names each secret an instance cannot share without', () => {
    expect(missingSettings(env)).toEqual([]);
    expect(missingSettings({ COMMENTS_SECRET: 'x' }).join()).toMatch(
      /^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set/,
    );
    expect(missingSettings({})).toHaveLength(2);
  });

  it('records digests, never the secrets themselves', () => {
    expect(Object.values(ownSettings(env)).join()).not.toMatch(/key-one|secret-one/);
  });
});

describe.skipIf(unavailable)('agree, against a real Redis', () => {
  let server: Awaited<ReturnType<typeof privateRedis>>;
  let redis: Redis;
  beforeAll(async () => {
    server = await privateRedis(undefined);
    redis = createClient({ url: server.url });
    await redis.connect();
  });
  afterAll(async () => {
    await redis.quit();
    await server.destroy();
  });
  beforeEach(() => server.cli('del', AGREEMENT_KEY));

  it('lets instances with the same build and secrets in, and says which setting differs', async () => {
    const own = ownSettings(env);
    expect(await agree(redis, own)).toEqual([]);
    expect(await agree(redis, own)).toEqual([]);
    const other = ownSettings({ ...env, COMMENTS_SECRET: 'secret-two' });
    expect(await agree(redis, other)).toEqual([expect.stringMatching(/^COMMENTS_SECRET differs/)]);
    expect(await agree(redis, { ...own, build: 'another build' })).toEqual([
      expect.stringMatching(/^the build \(BUILD_ID\) differs/),
    ]);
    expect(Number(server.cli('ttl', AGREEMENT_KEY))).toBeGreaterThan(0);
  });

  it('of two instances starting at once with different keys, lets exactly one in', async () => {
    const answers = await Promise.all([
      agree(redis, ownSettings(env)),
      agree(redis, ownSettings({ ...env, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'key-two' })),
    ]);
    expect(answers.filter((a) => a.length === 0)).toHaveLength(1);
  });
});
