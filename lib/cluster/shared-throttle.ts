import {
  createThrottle,
  DEFAULT_LIMITS,
  type AttemptThrottle,
  type Limits,
  type ThrottleOptions,
  type Verdict,
} from '../security/throttle';
import type { Redis } from './redis';

/**
 * The same doubling waits as lib/security/throttle.ts, counted in Redis so that every instance
 * behind the proxy counts the same failures: otherwise a script spreading its guesses over N
 * instances gets N times the tries. One Lua script records a failure for the network and for
 * the whole site at once, so concurrent failures on two instances are both counted.
 *
 * While Redis is away the process's own throttle counts instead: guessing is still slowed, by
 * each instance on its own, and nobody who knows the secret is locked out by the outage.
 */
const RECORD = `
local function record(key, now, free, first, max, forget)
  local failures = tonumber(redis.call('HGET', key, 'failures') or '0')
  local blocked = tonumber(redis.call('HGET', key, 'blockedUntil') or '0')
  if failures > 0 and now - blocked < forget then failures = failures + 1 else failures = 1 end
  local over = failures - free
  local delay = 0
  if over > 0 then delay = math.min(max, first * 2 ^ (over - 1)) end
  redis.call('HSET', key, 'failures', failures, 'blockedUntil', now + delay)
  redis.call('PEXPIRE', key, math.floor(delay + forget))
end
local now = tonumber(ARGV[1])
record(KEYS[1], now, tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
record(KEYS[2], now, tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9]))
return 1
`;

const limitArgs = (l: Limits) =>
  [l.free, l.firstDelayMs, l.maxDelayMs, l.forgetAfterMs].map(String);

export function createSharedThrottle(
  name: string,
  redis: () => Redis | undefined,
  options?: ThrottleOptions,
): AttemptThrottle {
  const local = createThrottle(options);
  const limits = options ?? DEFAULT_LIMITS;
  const networkKey = (key: string) => `masthead:throttle:${name}:n:${key}`;
  const siteKey = `masthead:throttle:${name}:site`;

  return {
    async check(key, now = Date.now()): Promise<Verdict> {
      const client = redis();
      if (!client) return local.check(key, now);
      try {
        const [network, site] = await Promise.all([
          client.hGet(networkKey(key), 'blockedUntil'),
          client.hGet(siteKey, 'blockedUntil'),
        ]);
        const blockedUntil = Math.max(Number(network ?? 0), Number(site ?? 0));
        return blockedUntil > now
          ? { allowed: false, retryAfterS: Math.ceil((blockedUntil - now) / 1000) }
          : { allowed: true };
      } catch {
        return local.check(key, now);
      }
    },
    async fail(key, now = Date.now()) {
      // Counted here too, so an outage that starts now does not wipe the slate.
      local.fail(key, now);
      const client = redis();
      if (!client) return;
      try {
        await client.eval(RECORD, {
          keys: [networkKey(key), siteKey],
          arguments: [String(now), ...limitArgs(limits.perNetwork), ...limitArgs(limits.siteWide)],
        });
      } catch {
        // Counted by this process.
      }
    },
    async succeed(key) {
      local.succeed(key);
      try {
        await redis()?.del(networkKey(key));
      } catch {
        // The network's record runs out by itself.
      }
    },
  };
}
