/**
 * A token bucket per key (a hashed network): `burst` requests at once, then `perSecond` more
 * each second. For work that costs the server something on every request, like a search, where
 * lib/security/throttle.ts counts failures instead.
 *
 * Kept in this process: what it protects is this process's own time, so with several instances
 * each guards itself. Memory is bounded: past `maxKeys` the bucket used least recently is
 * forgotten. That bucket has had the longest to refill, and a full bucket is what a forgotten
 * key starts with again, so forgetting it usually loses nothing; a script would need more than
 * `maxKeys` networks of its own to refill one early.
 */

export type RateLimit = { burst: number; perSecond: number; maxKeys: number };

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterS: number };

export type RateLimiter = {
  /** Takes one request's token for `key`, or says how many seconds until there is one. */
  take(key: string, now?: number): RateVerdict;
  /** How many keys are remembered. */
  size(): number;
};

type Bucket = { tokens: number; at: number };

export function createRateLimiter({ burst, perSecond, maxKeys }: RateLimit): RateLimiter {
  const buckets = new Map<string, Bucket>();
  return {
    take(key, now = Date.now()) {
      const held = buckets.get(key);
      // A clock that steps back refills nothing.
      const elapsedS = held ? Math.max(0, now - held.at) / 1000 : 0;
      const tokens = held ? Math.min(burst, held.tokens + elapsedS * perSecond) : burst;
      // Re-inserting keeps the Map in order of last use, least recent first. A refused request
      // leaves the bucket as it was, so its refill is counted from one moment, without drift.
      buckets.delete(key);
      buckets.set(key, tokens >= 1 || !held ? { tokens: tokens - 1, at: now } : held);
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      return tokens >= 1
        ? { allowed: true }
        : { allowed: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
    },
    size: () => buckets.size,
  };
}
