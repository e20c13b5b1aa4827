// @vitest-environment node
import { createClient } from 'redis';
import { privateRedis, privateRedisUnavailable } from '../../test/support/private-redis.mjs';
import { DEFAULT_LIMITS } from '../security/throttle';
import type { Redis } from './redis';
import { createSharedThrottle } from './shared-throttle';

const unavailable = privateRedisUnavailable();
const T0 = Date.UTC(2026, 0, 1);

describe.skipIf(unavailable)('the throttle shared through Redis', () => {
  let server: Awaited<ReturnType<typeof privateRedis>>;
  const clients: Redis[] = [];

  /** A client as each server instance has its own; undefined while it is not connected. */
  async function instance(name = 'admin') {
    const client: Redis = createClient({
      url: server.url,
      socket: { reconnectStrategy: () => 50 },
      disableOfflineQueue: true,
    });
    client.on('error', () => {});
    await client.connect();
    clients.push(client);
    return createSharedThrottle(name, () => (client.isReady ? client : undefined));
  }

  beforeAll(async () => {
    server = await privateRedis(undefined);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.disconnect().catch(() => {})));
    await server.destroy();
  });
  beforeEach(() => server.cli('flushall'));

  it('counts failures on one instance against the same network on another', async () => {
    const [a, b] = [await instance(), await instance()];
    const free = DEFAULT_LIMITS.perNetwork.free;
    for (let i = 0; i < free; i++) await (i % 2 ? a : b).fail('script', T0);
    expect(await b.check('script', T0)).toEqual({ allowed: true });
    await a.fail('script', T0);
    expect(await b.check('script', T0)).toEqual({ allowed: false, retryAfterS: 1 });
    expect(await b.check('editor', T0)).toEqual({ allowed: true });
    // A right answer on either instance clears the network on both.
    await b.succeed('script');
    expect(await a.check('script', T0)).toEqual({ allowed: true });
  });

  it('counts concurrent failures from many networks site-wide, none lost, and shuts out nobody', async () => {
    const [a, b] = [await instance('preview'), await instance('preview')];
    const free = DEFAULT_LIMITS.siteWide.free;
    await Promise.all(
      Array.from({ length: free + 1 }, (_, i) => (i % 2 ? a : b).fail(`network-${i}`, T0)),
    );
    expect(server.cli('hget', 'masthead:throttle:preview:site', 'failures')).toBe(String(free + 1));
    // A stranger from a fresh network is answered at once, on either instance.
    expect(await a.check('someone-new', T0)).toEqual({ allowed: true });
    expect(await b.check('someone-new', T0)).toEqual({ allowed: true });
    // But every network's allowance has shrunk, on both: a third mistake costs a minute.
    for (let i = 0; i < DEFAULT_LIMITS.underAttack.free + 1; i++) {
      await (i % 2 ? a : b).fail('clumsy', T0 + 1);
    }
    expect(await a.check('clumsy', T0 + 1)).toEqual({ allowed: false, retryAfterS: 60 });
    // In ordinary times, the same three mistakes would have been free.
    server.cli('flushall');
    for (let i = 0; i < DEFAULT_LIMITS.underAttack.free + 1; i++) await a.fail('clumsy', T0 + 1);
    expect(await b.check('clumsy', T0 + 1)).toEqual({ allowed: true });
  });

  it('counts a device’s failures for that device alone, on every instance', async () => {
    const [a, b] = [await instance(), await instance()];
    const stolen = { device: 'copied-cookie' };
    for (let i = 0; i <= DEFAULT_LIMITS.perDevice.free; i++) await (i % 2 ? a : b).fail(stolen, T0);
    expect(await b.check(stolen, T0)).toEqual({ allowed: false, retryAfterS: 1 });
    expect(await a.check({ device: 'moderator' }, T0)).toEqual({ allowed: true });
    // Not the network, not the site: the device's record is the only key written.
    expect(server.cli('keys', 'masthead:throttle:*')).toBe(
      'masthead:throttle:admin:d:copied-cookie',
    );
    // And a device is never held up by its network's failures.
    for (let i = 0; i < 20; i++) await a.fail('office', T0);
    expect((await b.check('office', T0)).allowed).toBe(false);
    expect(await b.check({ device: 'moderator' }, T0)).toEqual({ allowed: true });
  });

  it('answers each sign-in step within a second while Redis is paused, counting on its own', async () => {
    const a = await instance();
    const pausedUntil = Date.now() + 8_000;
    server.cli('CLIENT', 'PAUSE', '8000', 'ALL');
    const timed = async <T>(step: () => Promise<T> | T) => {
      const started = Date.now();
      const result = await step();
      // REDIS_WAIT_MS (750 ms), then the process's own count; unbounded, a call waited 8 s.
      expect(Date.now() - started).toBeLessThan(1_000);
      return result;
    };
    for (let i = 0; i <= DEFAULT_LIMITS.perNetwork.free; i++)
      await timed(() => a.fail('paused', T0));
    expect((await timed(() => a.check('paused', T0))).allowed).toBe(false);
    expect((await timed(() => a.check('someone-else', T0))).allowed).toBe(true);
    await timed(() => a.succeed('someone-else'));
    // Every step above ran while Redis was paused (nine at most 750 ms each); then it ends.
    expect(Date.now()).toBeLessThan(pausedUntil);
    await new Promise((r) => setTimeout(r, pausedUntil - Date.now() + 200));
  }, 20_000);

  it('keeps throttling on its own while Redis is away, and shares again when it is back', async () => {
    const a = await instance();
    await server.stop();
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i <= DEFAULT_LIMITS.perNetwork.free; i++) await a.fail('script', T0);
    expect((await a.check('script', T0)).allowed).toBe(false);
    await server.start();
    await vi.waitFor(() => expect(clients.at(-1)?.isReady).toBe(true), { timeout: 5_000 });
    const b = await instance();
    for (let i = 0; i <= DEFAULT_LIMITS.perNetwork.free; i++) await a.fail('other', T0);
    expect((await b.check('other', T0)).allowed).toBe(false);
  });
});
