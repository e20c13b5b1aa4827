// @vitest-environment node
import { privateRedis, privateRedisUnavailable } from '../../test/support/private-redis.mjs';
import { redisClient } from './redis';
import { claimView } from './sync-claim';

describe.skipIf(privateRedisUnavailable())('claimView, against a real Redis', () => {
  let server: Awaited<ReturnType<typeof privateRedis>>;
  beforeAll(async () => {
    server = await privateRedis(undefined);
    vi.stubEnv('REDIS_URL', server.url);
    const client = redisClient();
    await vi.waitFor(() => expect(client?.isReady).toBe(true));
  });
  afterAll(async () => {
    await redisClient()?.disconnect();
    vi.unstubAllEnvs();
    await server.destroy();
  });

  it('gives each view of the content to one instance only', async () => {
    const claims = await Promise.all([claimView('v1', 1000), claimView('v1', 1000)]);
    expect(claims.sort()).toEqual([false, true]);
    // The same version once its scheduled article is live is another view.
    expect(await claimView('v1', Infinity)).toBe(true);
    expect(await claimView('v2', 1000)).toBe(true);
  });

  it('lets every instance revalidate while Redis is away', async () => {
    await server.stop();
    await vi.waitFor(() => expect(redisClient()?.isReady).toBe(false));
    expect(await claimView('v3', 1000)).toBe(true);
    expect(await claimView('v3', 1000)).toBe(true);
    await server.start();
  });
});
