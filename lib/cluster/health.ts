import 'server-only';
import { sql } from 'kysely';
import { getDb } from '../comments/db';
import { readyRedis, redisClient } from './redis';

export type Check = 'ok' | 'down' | 'off';
export type Health = { ok: boolean; database: Check; redis: Check; tookMs: number };

/** Past this a check counts as down: the container's HEALTHCHECK must be answered at once. */
const TIMEOUT_MS = 40;

async function within(work: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Check>((resolve) => {
    timer = setTimeout(() => resolve('down'), TIMEOUT_MS);
  });
  try {
    return await Promise.race([work().then((): Check => 'ok'), late]);
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether this instance can do its work: the comment database answers, and Redis when one is
 * configured. Only the database decides `ok`: without Redis an instance still serves every
 * page and takes comments (lib/cluster/cache-handler.mjs), so a proxy should keep sending it
 * readers; an instance that cannot reach the database would lose what they post.
 */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  const [database, redis] = await Promise.all([
    within(async () => sql`select 1`.execute(await getDb())),
    redisClient()
      ? within(async () => {
          const client = readyRedis();
          if (!client) throw new Error('not connected');
          await client.ping();
        })
      : Promise.resolve<Check>('off'),
  ]);
  return {
    ok: database === 'ok',
    database,
    redis,
    tookMs: Math.round(performance.now() - started),
  };
}
