import {
  createThrottle,
  DEFAULT_LIMITS,
  type AttemptThrottle,
  type Limits,
  type Requester,
  type ThrottleOptions,
  type Verdict,
} from '../security/throttle';
import { within, type Redis } from './redis';

/**
 * The same lanes and doubling waits as lib/security/throttle.ts, counted in Redis so that every
 * instance behind the proxy counts the same failures: otherwise a script spreading its guesses
 * over N instances gets N times the tries. One Lua script records a network's failure and the
 * site's at once, and picks the network's allowance by the site's count in the same step, so
 * concurrent failures on two instances are all counted and agree on whether the site is under
 * attack. A device's failure touches its own record only.
 *
 * While Redis is away the process's own throttle counts instead: guessing is still slowed, by
 * each instance on its own, and nobody who knows the secret is locked out by the outage. A
 * Redis that is slow or paused counts as away after REDIS_WAIT_MS: a sign-in never hangs on it.
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
local ordinary = { tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]) }
if ARGV[2] == 'device' then
  record(KEYS[1], now, ordinary[1], ordinary[2], ordinary[3], ordinary[4])
  return 0
end
local siteFree = tonumber(ARGV[11])
local siteForget = tonumber(ARGV[12])
local count = tonumber(redis.call('HGET', KEYS[2], 'failures') or '0')
local last = tonumber(redis.call('HGET', KEYS[2], 'last') or '0')
if count > 0 and now - last < siteForget then count = count + 1 else count = 1 end
redis.call('HSET', KEYS[2], 'failures', count, 'last', math.max(now, last))
redis.call('PEXPIRE', KEYS[2], siteForget)
if count > siteFree then
  record(KEYS[1], now, tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10]))
else
  record(KEYS[1], now, ordinary[1], ordinary[2], ordinary[3], ordinary[4])
end
return count
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
  const laneKey = (who: Requester) =>
    typeof who === 'string'
      ? `masthead:throttle:${name}:n:${who}`
      : `masthead:throttle:${name}:d:${who.device}`;
  const siteKey = `masthead:throttle:${name}:site`;

  return {
    async check(who, now = Date.now()): Promise<Verdict> {
      const client = redis();
      if (!client) return local.check(who, now);
      try {
        const blockedUntil = Number((await within(client.hGet(laneKey(who), 'blockedUntil'))) ?? 0);
        return blockedUntil > now
          ? { allowed: false, retryAfterS: Math.ceil((blockedUntil - now) / 1000) }
          : { allowed: true };
      } catch {
        return local.check(who, now);
      }
    },
    async fail(who, now = Date.now()) {
      // Counted here too, so an outage that starts now does not wipe the slate.
      local.fail(who, now);
      const client = redis();
      if (!client) return;
      const device = typeof who !== 'string';
      try {
        await within(
          client.eval(RECORD, {
            keys: [laneKey(who), siteKey],
            arguments: [
              String(now),
              device ? 'device' : 'network',
              ...limitArgs(device ? limits.perDevice : limits.perNetwork),
              ...limitArgs(limits.underAttack),
              String(limits.siteWide.free),
              String(limits.siteWide.forgetAfterMs),
            ],
          }),
        );
      } catch {
        // Counted by this process.
      }
    },
    async succeed(who) {
      local.succeed(who);
      try {
        const client = redis();
        if (client) await within(client.del(laneKey(who)));
      } catch {
        // The record runs out by itself.
      }
    },
  };
}
