import { createClient } from 'redis';
import { databaseOf, ensureKeyspaceEvents } from './keyspace-events';

export type Redis = ReturnType<typeof createClient>;

/**
 * The longest a request waits on Redis for one step before going on without it: Redis that is
 * slow, paused or unreachable makes a page slower by at most this (docs/decisions/020).
 */
export const REDIS_WAIT_MS = 750;

/**
 * `work`, or a rejection once `ms` have passed. node-redis cannot take back a command already
 * sent, so a server that does not answer (paused, swapping, a dead link) would hold the caller
 * until the socket gave up.
 */
export function within<T>(work: Promise<T>, ms = REDIS_WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

type Shared = { client?: Redis; url?: string; down?: boolean };
// On globalThis: route handlers, server actions and instrumentation are bundled apart, and one
// connection per process is enough for all of them.
const shared = globalThis as typeof globalThis & { [key: symbol]: Shared | undefined };
const KEY = Symbol.for('masthead.redis');

/**
 * The process's Redis connection when REDIS_URL is set, connecting on first use. It reconnects
 * by itself with growing waits (at most 2 s), so a Redis that comes back is used again without
 * a restart; while it is away, callers that ask for `readyRedis()` get nothing and fall back to
 * what this process has. An outage is logged once when it starts and once when it ends.
 */
export function redisClient(env: Partial<Record<string, string>> = process.env): Redis | undefined {
  const url = env.REDIS_URL;
  if (!url) return undefined;
  const state = (shared[KEY] ??= {});
  if (state.client && state.url === url) return state.client;
  const client = createClient({
    url,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
    // Commands wait for no reconnect: a throttle or health check must answer now.
    disableOfflineQueue: true,
  });
  client.on('error', (error: Error) => {
    if (state.down) return;
    state.down = true;
    console.error(`Masthead: Redis unavailable (${error.message}); serving from this instance.`);
  });
  client.on('ready', () => {
    if (!state.down) return;
    console.warn('Masthead: Redis is back; sharing resumed.');
    state.down = false;
    // A restarted Redis forgets a CONFIG SET: the cache's events are set again where allowed.
    void ensureKeyspaceEvents(client, databaseOf(url))
      .then((events) => {
        if (!events.ok) console.error(`Masthead: ${events.problem}`);
        else if (events.changed) console.warn(`Masthead: ${events.changed}.`);
      })
      .catch(() => {});
  });
  client.connect().catch(() => {
    // Reported by the 'error' listener; the reconnect strategy keeps trying.
  });
  state.client = client;
  state.url = url;
  return client;
}

/** The connection if it is up now, else undefined. */
export function readyRedis(): Redis | undefined {
  const client = redisClient();
  return client?.isReady ? client : undefined;
}
