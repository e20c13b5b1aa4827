/**
 * Failed attempts at a secret (the admin password, the preview secret), counted per network and
 * site-wide. A few failures are free, so a person who mistypes is never held up; after that each
 * failure doubles the wait before the next attempt is even looked at, up to a cap, so a script
 * gets a handful of guesses an hour per network. The site-wide count is the backstop for a
 * script that spreads its guesses over many networks.
 *
 * The state lives in this process; with Redis configured, lib/cluster/shared-throttle.ts keeps
 * the same counts for every instance, behind the same `AttemptThrottle`. Memory is bounded: at most `maxKeys` networks are
 * remembered; past that the least recently failed is forgotten, which a script could use to clear
 * its own record, but not the site-wide one.
 */

export type Verdict = { allowed: true } | { allowed: false; retryAfterS: number };

/** A throttle kept in another process answers later; callers await every call. */
export interface AttemptThrottle {
  /** Whether `key` (a hashed network) may try now; when not, how many seconds it must wait. */
  check(key: string, now?: number): Verdict | Promise<Verdict>;
  /** Records a wrong secret from `key`. */
  fail(key: string, now?: number): void | Promise<void>;
  /** Forgets `key`'s failures: it got the secret right. */
  succeed(key: string): void | Promise<void>;
}

/** This process's own throttle answers at once. */
export type LocalThrottle = {
  check(key: string, now?: number): Verdict;
  fail(key: string, now?: number): void;
  succeed(key: string): void;
};

export type Limits = {
  /** Failures that cost nothing. */
  free: number;
  /** The wait after the first failure past the free ones, in ms; it doubles with each. */
  firstDelayMs: number;
  /** The longest wait, in ms. */
  maxDelayMs: number;
  /** A count with no failure for this long after its last wait ended starts again, in ms. */
  forgetAfterMs: number;
};

export type ThrottleOptions = { perNetwork: Limits; siteWide: Limits; maxKeys: number };

const MINUTE = 60_000;

/**
 * Five free failures per network, then 1 s, 2 s, 4 s, … up to 15 minutes. Site-wide, 200 free
 * failures in a burst (far more than a newsroom's editors, or the parallel e2e suite, ever make),
 * then the same doubling for everyone.
 */
export const DEFAULT_LIMITS: ThrottleOptions = {
  perNetwork: { free: 5, firstDelayMs: 1000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  siteWide: { free: 200, firstDelayMs: 1000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 15 * MINUTE },
  maxKeys: 10_000,
};

type Record = { failures: number; blockedUntil: number };

function record(previous: Record | undefined, limits: Limits, now: number): Record {
  const failures =
    previous && now - previous.blockedUntil < limits.forgetAfterMs ? previous.failures + 1 : 1;
  const over = failures - limits.free;
  const delay = over > 0 ? Math.min(limits.maxDelayMs, limits.firstDelayMs * 2 ** (over - 1)) : 0;
  return { failures, blockedUntil: now + delay };
}

const waitS = (blockedUntil: number, now: number) => Math.ceil((blockedUntil - now) / 1000);

export function createThrottle(options: ThrottleOptions = DEFAULT_LIMITS): LocalThrottle {
  const networks = new Map<string, Record>();
  let site: Record | undefined;

  return {
    check(key, now = Date.now()) {
      const blockedUntil = Math.max(networks.get(key)?.blockedUntil ?? 0, site?.blockedUntil ?? 0);
      return blockedUntil > now
        ? { allowed: false, retryAfterS: waitS(blockedUntil, now) }
        : { allowed: true };
    },
    fail(key, now = Date.now()) {
      const next = record(networks.get(key), options.perNetwork, now);
      // Re-inserting keeps the Map in order of last failure, oldest first.
      networks.delete(key);
      networks.set(key, next);
      if (networks.size > options.maxKeys) {
        const oldest = networks.keys().next().value;
        if (oldest !== undefined) networks.delete(oldest);
      }
      site = record(site, options.siteWide, now);
    },
    succeed(key) {
      networks.delete(key);
    },
  };
}
