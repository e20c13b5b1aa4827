import { randomBytes } from 'node:crypto';
import type { Redis } from './redis';

/**
 * The shared page cache (@trieb.work/nextjs-turbo-redis-cache) keeps each instance's map of
 * tags current from Redis's keyevent notifications of expired and evicted keys: it needs
 * `notify-keyspace-events` to hold `E` (keyevent channels) and `x` and `e` (`A` holds both).
 * A stock redis-server sends none, and the library then never becomes ready: every page waited
 * 30 s for it to read and 30 s more to write (docs/decisions/020). So the server checks as it
 * starts, sets the flags where Redis allows it, and otherwise refuses to start, naming the
 * setting, as it does for a missing secret.
 */
export const SETTING = 'notify-keyspace-events';

/** The flags to add to `current` so that the cache's events are sent; '' when none are missing. */
export function missingFlags(current: string): string {
  const missing = current.includes('E') ? [] : ['E'];
  if (!current.includes('A')) missing.push(...['x', 'e'].filter((flag) => !current.includes(flag)));
  return missing.join('');
}

/** The database a `redis://…/<n>` address selects, whose keyevent channel carries its events. */
export function databaseOf(url: string): number {
  const n = Number(new URL(url).pathname.slice(1) || 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** Whether the server's configuration can be read and written from here. */
async function configured(
  redis: Redis,
): Promise<{ readable: false; why: string } | { readable: true; current: string }> {
  try {
    const reply = await redis.configGet(SETTING);
    return { readable: true, current: reply[SETTING] ?? '' };
  } catch (error) {
    return { readable: false, why: (error as Error).message };
  }
}

/**
 * Where CONFIG is renamed away or denied, as managed services do, the setting may still be
 * right (set in their console): an expired key's event, received within `waitMs`, says so.
 * Evictions cannot be caused on purpose; the library's full re-read each minute makes up for
 * any it misses.
 */
export async function expiryEventArrives(redis: Redis, database: number, waitMs = 1_000) {
  const listener = redis.duplicate();
  listener.on('error', () => {});
  const key = `masthead:probe:${randomBytes(8).toString('hex')}`;
  let timer: NodeJS.Timeout | undefined;
  try {
    await listener.connect();
    const heard = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), waitMs);
      void listener.subscribe(`__keyevent@${database}__:expired`, (expired) => {
        if (expired === key) resolve(true);
      });
    });
    // Subscribed before the key can expire: SUBSCRIBE is answered before any later command.
    await listener.ping().catch(() => undefined);
    await redis.set(key, '1', { PX: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Reading an expired key expires it at once, and sends the event if it is configured.
    await redis.get(key);
    return await heard;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    await listener.disconnect().catch(() => {});
  }
}

const HOW =
  'set "notify-keyspace-events Exe" in the Redis configuration (or the managed service\'s parameter group), see docs/operations.md';

/**
 * Makes sure the cache's events are sent: nothing to do, set by CONFIG SET (merged with the
 * flags already there), or a problem in words, naming the setting.
 */
export async function ensureKeyspaceEvents(
  redis: Redis,
  database: number,
): Promise<{ ok: true; changed?: string } | { ok: false; problem: string }> {
  const config = await configured(redis);
  if (!config.readable) {
    if (await expiryEventArrives(redis, database)) return { ok: true };
    return {
      ok: false,
      problem: `Redis sends no expired-key events and its CONFIG command is not available (${config.why}): the shared page cache needs ${SETTING} to include E, x and e; ${HOW}.`,
    };
  }
  const missing = missingFlags(config.current);
  if (!missing) return { ok: true };
  const wanted = config.current + missing;
  try {
    await redis.configSet(SETTING, wanted);
    return { ok: true, changed: `${SETTING} was "${config.current}", now "${wanted}"` };
  } catch (error) {
    return {
      ok: false,
      problem: `${SETTING} is "${config.current}" and Redis refused to set it (${(error as Error).message}): the shared page cache needs E, x and e; ${HOW}.`,
    };
  }
}
