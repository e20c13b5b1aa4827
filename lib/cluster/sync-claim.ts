import { readyRedis, within } from './redis';

/** Long enough for every instance's watcher to have looked; a view is seen once a second. */
const CLAIM_TTL_S = 3600;

/**
 * With one page cache for every instance, a publish needs its paths revalidated once, not once
 * per instance: the second instance's revalidation would only delete the pages the first has
 * rendered afresh since, and have them rendered again (at 10,000 articles, thousands of
 * them). The first instance to claim a view of the content (a version, and the moment its
 * next scheduled article goes live) revalidates; the others only move their baseline.
 *
 * Without Redis, or while it is away, every instance revalidates its own cache, as on one
 * machine. An instance that claims and then dies before revalidating leaves pages up to their
 * 30-second window old.
 */
export async function claimView(version: string, validUntil: number): Promise<boolean> {
  const redis = readyRedis();
  if (!redis) return true;
  try {
    const key = `masthead:synced:${version}:${Number.isFinite(validUntil) ? validUntil : 'never'}`;
    // Not answered in time (slow, paused): revalidating twice costs renders, never freshness.
    return (
      (await within(redis.set(key, String(process.pid), { NX: true, EX: CLAIM_TTL_S }))) === 'OK'
    );
  } catch {
    return true;
  }
}
