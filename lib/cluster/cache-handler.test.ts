// @vitest-environment node
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { privateRedis, privateRedisUnavailable } from '../../test/support/private-redis.mjs';
import MastheadCacheHandler, { closeSharedCache, WAIT_MS, within } from './cache-handler.mjs';
import { REDIS_WAIT_MS } from './redis';

type Got = { value?: { data?: { body?: string } } } | null;
const FETCH = { kind: 'FETCH', tags: ['t'], fetchCache: true, revalidate: 30 };
const entry = (body: string) => ({
  kind: 'FETCH',
  data: { headers: {}, body, status: 200, url: 'https://example.org/' },
  revalidate: 30,
});

describe('within', () => {
  it('gives the fallback once WAIT_MS have passed, or when the work fails', async () => {
    const started = Date.now();
    expect(await within(new Promise(() => {}), 'late')).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 5);
    expect(Date.now() - started).toBeLessThan(WAIT_MS + 200);
    expect(await within(Promise.reject(new Error('OOM')), 'failed')).toBe('failed');
    expect(await within(Promise.resolve('answer'), 'late')).toBe('answer');
  });

  it('is at most about a second, what a reader may wait on Redis, here and in redis.ts', () => {
    expect(WAIT_MS).toBeLessThanOrEqual(1_000);
    expect(REDIS_WAIT_MS).toBe(WAIT_MS);
  });
});

/**
 * Each thing Redis does to a server that uses it: a page's read, write and revalidation must
 * each come back within about a second (docs/decisions/020). test/checks/redis.mjs measures
 * whole pages the same way.
 */
describe.skipIf(privateRedisUnavailable())('the shared page cache when Redis misbehaves', () => {
  let server: Awaited<ReturnType<typeof privateRedis>>;
  let cache: MastheadCacheHandler;
  beforeAll(async () => {
    server = await privateRedis(undefined, {
      args: ['--enable-debug-command', 'local'],
    });
    vi.stubEnv('REDIS_URL', server.url);
    cache = new MastheadCacheHandler({});
    await vi.waitFor(
      async () => {
        await cache.set('/misbehaves', entry('cached'), FETCH);
        expect(((await cache.get('/misbehaves', FETCH)) as Got)?.value?.data?.body).toBe('cached');
      },
      { timeout: 10_000, interval: 200 },
    );
  });
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await closeSharedCache();
    vi.unstubAllEnvs();
    await server.destroy();
  });

  /** The cache writes and reads again (what waited for Redis has been sent). */
  const usedAgain = (key: string) =>
    vi.waitFor(
      async () => {
        await cache.set(key, entry(key), FETCH);
        expect(((await cache.get(key, FETCH)) as Got)?.value?.data?.body).toBe(key);
      },
      { timeout: 10_000, interval: 200 },
    );

  let reads = 0;
  /** Milliseconds for a read, a write and a revalidation, each on its own. */
  async function timings() {
    const took = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    return {
      // A key read for the first time: the library answers a key it has just read from memory.
      get: await took(() => cache.get(`/misbehaves/${(reads += 1)}`, FETCH)),
      set: await took(() => cache.set('/other', entry('other'), FETCH)),
      revalidate: await took(() => cache.revalidateTag(['elsewhere'])),
    };
  }
  const quick = {
    get: expect.any(Number),
    set: expect.any(Number),
    revalidate: expect.any(Number),
  };
  const withinASecond = (t: Record<string, number>) =>
    expect(Math.max(...Object.values(t))).toBeLessThan(1_000);

  it('paused (CLIENT PAUSE ALL): one call waits WAIT_MS, then none until Redis answers', async () => {
    server.cli('CLIENT', 'PAUSE', '3000', 'ALL');
    const t = await timings();
    expect(t).toMatchObject(quick);
    withinASecond(t);
    // The read waited for Redis and was cut short; what came after asked Redis nothing.
    expect(t.get).toBeGreaterThan(WAIT_MS - 50);
    expect(Math.max(t.set, t.revalidate)).toBeLessThan(50);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await usedAgain('/unpaused');
  });

  it('busy (DEBUG SLEEP): the same', async () => {
    // Not server.cli, which would hold this process for the whole sleep too.
    const port = new URL(server.url).port;
    // Asleep for 3 s, measured from 600 ms in: redis-cli itself may take a few hundred ms to
    // start on a machine running command B's other lanes.
    const sleeper = promisify(execFile)('redis-cli', ['-p', port, 'DEBUG', 'SLEEP', '3']);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const t = await timings();
    withinASecond(t);
    expect(t.get).toBeGreaterThan(WAIT_MS - 50);
    await sleeper;
    await usedAgain('/awake');
  });

  it('full (maxmemory, noeviction): writes are refused at once', async () => {
    server.cli('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    server.cli('CONFIG', 'SET', 'maxmemory', '1');
    try {
      withinASecond(await timings());
      expect(server.cli('SET', 'probe', 'x')).toMatch(/OOM/);
    } finally {
      server.cli('CONFIG', 'SET', 'maxmemory', '0');
    }
    await usedAgain('/room');
  });

  it('read-only (a replica of a master that is gone): the same', async () => {
    server.cli('REPLICAOF', '127.0.0.1', '1');
    try {
      withinASecond(await timings());
      expect(server.cli('SET', 'probe', 'x')).toMatch(/READONLY/);
    } finally {
      server.cli('REPLICAOF', 'NO', 'ONE');
    }
    await usedAgain('/writable');
  });

  it('gone (killed): reads miss at once; back, it is used again', async () => {
    // The library sends some writes without waiting on them (its own bookkeeping); killed under
    // one, that write's rejection goes unhandled, which Next logs and Vitest counts as an error.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await server.stop();
    const t = await timings();
    withinASecond(t);
    // At once: no wait for a reconnect (that would be the second above). 50 ms on a quiet
    // machine; 96 ms seen while command B's other lanes ran, hence the margin.
    expect(t.get).toBeLessThan(250);
    expect(await cache.get('/misbehaves', FETCH)).toBeNull();
    await server.start();
    await usedAgain('/back');
  });
});
