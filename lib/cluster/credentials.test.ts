// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { privateRedis, privateRedisUnavailable } from '../../test/support/private-redis.mjs';
import { agree, ownSettings } from './agreement';
import MastheadCacheHandler, { closeSharedCache } from './cache-handler.mjs';
import { checkHealth } from './health';
import { databaseOf, ensureKeyspaceEvents } from './keyspace-events';
import { redisClient } from './redis';

const PASSWORD = 'compose-redis-password-7f3a';
const entry = (body: string) => ({
  kind: 'FETCH',
  data: { headers: {}, body, status: 200, url: 'https://example.org/' },
  revalidate: 30,
});
type Got = { value?: { data?: { body?: string } } } | null;
const FETCH = { kind: 'FETCH', tags: ['t'], fetchCache: true, revalidate: 30 };

/**
 * compose.yaml runs Redis with requirepass and gives every instance a REDIS_URL with the
 * password in it: each place that reads REDIS_URL must log in with it (docs/operations.md).
 */
describe.skipIf(privateRedisUnavailable())(
  'a REDIS_URL with a password, everywhere it is read',
  () => {
    let server: Awaited<ReturnType<typeof privateRedis>>;
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-credentials-'));
    beforeAll(async () => {
      server = await privateRedis(undefined, {
        stock: true,
        password: PASSWORD,
      });
      vi.stubEnv('COMMENTS_DB', path.join(dir, 'comments.sqlite'));
    });
    afterAll(async () => {
      // The library's own timers still write for a moment after the last read.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await closeSharedCache();
      await redisClient()
        ?.disconnect()
        .catch(() => {});
      vi.unstubAllEnvs();
      await server.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    const port = () => new URL(server.url).port;
    it('is refused without the password', () => {
      const said = execFileSync('redis-cli', ['-p', port(), 'PING'], { encoding: 'utf8' });
      expect(said).toMatch(/NOAUTH/);
    });

    it.each([
      ['with no user name', () => `redis://:${PASSWORD}@127.0.0.1:${port()}`],
      ['as the default user', () => `redis://default:${PASSWORD}@127.0.0.1:${port()}/0`],
    ])(
      'connects %s: the process connection, the start checks and the health route',
      async (_, url) => {
        vi.stubEnv('REDIS_URL', url());
        const client = redisClient();
        if (!client) throw new Error('no client for REDIS_URL');
        await vi.waitFor(() => expect(client.isReady).toBe(true));
        expect(await ensureKeyspaceEvents(client, databaseOf(url()))).toMatchObject({ ok: true });
        expect(
          await agree(
            client,
            ownSettings({ COMMENTS_SECRET: 'a', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'b' }),
          ),
        ).toEqual([]);
        // The first look also opens (and migrates) the comment database.
        await checkHealth();
        // Its ping gives up after a moment on purpose; a machine busy with other suites may
        // need a second look.
        await vi.waitFor(async () => expect(await checkHealth()).toMatchObject({ redis: 'ok' }), {
          timeout: 5_000,
          interval: 200,
        });
        await client.disconnect();
      },
    );

    it('connects the shared page cache, which writes and reads an entry', async () => {
      vi.stubEnv('REDIS_URL', `redis://default:${PASSWORD}@127.0.0.1:${port()}`);
      const cache = new MastheadCacheHandler({});
      // The first request finds the cache not ready yet and renders; later ones use it.
      await vi.waitFor(
        async () => {
          await cache.set('/credentials', entry('shared'), FETCH);
          const got = (await cache.get('/credentials', FETCH)) as Got;
          expect(got?.value?.data?.body).toBe('shared');
        },
        { timeout: 10_000, interval: 200 },
      );
      expect(server.cli('--scan', '--pattern', 'masthead:*credentials*')).toMatch(/credentials/);
    });
  },
);
