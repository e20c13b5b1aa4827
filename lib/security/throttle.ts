/**
 * Failed attempts at a secret (the admin password, the preview secret, a signature), counted in
 * lanes (docs/decisions/017):
 *
 * - A browser that has signed in before carries a device cookie (lib/admin/device.ts); its
 *   failures count in that device's own lane and nowhere else, so nobody else's failures hold it
 *   up and its own hold up nobody else.
 * - Every other attempt counts per network (/24, /48). A few failures are free, so a person who
 *   mistypes is never held up; after that each failure doubles the wait before the next attempt
 *   is even looked at, up to a cap, so a script gets a handful of guesses an hour per network.
 * - The site-wide count never turns anyone away. Past its free failures the site is under
 *   attack, and every network's allowance shrinks (fewer free failures, longer waits), so a
 *   script spreading its guesses over many networks gets few from each. A network with no
 *   failures of its own is still answered at once: a stranger with the right password, from a
 *   network nobody has guessed from, gets in, however many guesses the rest of the internet made.
 *
 * The state lives in this process; with Redis configured, lib/cluster/shared-throttle.ts keeps
 * the same counts for every instance, behind the same `AttemptThrottle`. Memory is bounded: at
 * most `maxKeys` networks and as many devices are remembered; past that the least recently
 * failed is forgotten, which a script could use to clear its own record, but not the site's.
 */

export type Verdict = { allowed: true } | { allowed: false; retryAfterS: number };

/**
 * Who is trying: a hashed network (a plain string), or a browser with a valid device cookie,
 * named by a hash of it. Only lib/admin/device.ts makes the second, after checking the cookie.
 */
export type Requester = string | { device: string };

/** A throttle kept in another process answers later; callers await every call. */
export interface AttemptThrottle {
  /** Whether `who` may try now; when not, how many seconds it must wait. */
  check(who: Requester, now?: number): Verdict | Promise<Verdict>;
  /** Records a wrong secret from `who`. */
  fail(who: Requester, now?: number): void | Promise<void>;
  /** Forgets `who`'s failures: it got the secret right. */
  succeed(who: Requester): void | Promise<void>;
}

/** This process's own throttle answers at once. */
export type LocalThrottle = {
  check(who: Requester, now?: number): Verdict;
  fail(who: Requester, now?: number): void;
  succeed(who: Requester): void;
  /** Whether the whole site has seen more failures than its free ones, recently. */
  underAttack(now?: number): boolean;
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

export type SiteLimits = {
  /** Failures site-wide before every network's allowance shrinks. */
  free: number;
  /** A site-wide count with no failure for this long starts again, in ms. */
  forgetAfterMs: number;
};

export type ThrottleOptions = {
  /** A network's allowance in ordinary times. */
  perNetwork: Limits;
  /** A network's allowance while the site is under attack. */
  underAttack: Limits;
  /** A device cookie's allowance, counted for that device alone. */
  perDevice: Limits;
  siteWide: SiteLimits;
  maxKeys: number;
};

const MINUTE = 60_000;

/**
 * Five free failures per network, then 1 s, 2 s, 4 s, … up to 15 minutes: about 19 guesses in a
 * network's first hour, then 4 an hour. Past 200 failures site-wide within 15 minutes of each
 * other (far more than a newsroom's editors, or the parallel e2e suite, ever make), two free
 * failures per network, then 1 minute, 2, 4, … up to an hour: about 8 guesses in a network's
 * first hour, then one an hour, while a person who mistypes twice still gets in at once. A
 * device has a network's ordinary allowance, all to itself.
 */
export const DEFAULT_LIMITS: ThrottleOptions = {
  perNetwork: { free: 5, firstDelayMs: 1000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  underAttack: {
    free: 2,
    firstDelayMs: MINUTE,
    maxDelayMs: 60 * MINUTE,
    forgetAfterMs: 60 * MINUTE,
  },
  perDevice: { free: 5, firstDelayMs: 1000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  siteWide: { free: 200, forgetAfterMs: 15 * MINUTE },
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

type SiteRecord = { failures: number; last: number };

function recordSite(previous: SiteRecord | undefined, limits: SiteLimits, now: number) {
  const recent = previous && now - previous.last < limits.forgetAfterMs;
  // Instances' clocks differ a little: the count's last failure never moves back.
  return {
    failures: recent ? previous.failures + 1 : 1,
    last: Math.max(now, previous?.last ?? now),
  };
}

const waitS = (blockedUntil: number, now: number) => Math.ceil((blockedUntil - now) / 1000);

/** A map that keeps at most `max` keys, forgetting the least recently written. */
function boundedMap(max: number) {
  const map = new Map<string, Record>();
  return {
    get: (key: string) => map.get(key),
    set(key: string, value: Record) {
      // Re-inserting keeps the Map in order of last failure, oldest first.
      map.delete(key);
      map.set(key, value);
      if (map.size > max) {
        const oldest = map.keys().next().value;
        if (oldest !== undefined) map.delete(oldest);
      }
    },
    delete: (key: string) => void map.delete(key),
  };
}

export function createThrottle(options: ThrottleOptions = DEFAULT_LIMITS): LocalThrottle {
  const networks = boundedMap(options.maxKeys);
  const devices = boundedMap(options.maxKeys);
  let site: SiteRecord | undefined;
  const lane = (who: Requester) =>
    typeof who === 'string' ? { map: networks, key: who } : { map: devices, key: who.device };
  const underAttack = (now: number) =>
    site !== undefined &&
    site.failures > options.siteWide.free &&
    now - site.last < options.siteWide.forgetAfterMs;

  return {
    check(who, now = Date.now()) {
      const { map, key } = lane(who);
      const blockedUntil = map.get(key)?.blockedUntil ?? 0;
      return blockedUntil > now
        ? { allowed: false, retryAfterS: waitS(blockedUntil, now) }
        : { allowed: true };
    },
    fail(who, now = Date.now()) {
      if (typeof who !== 'string') {
        devices.set(who.device, record(devices.get(who.device), options.perDevice, now));
        return;
      }
      site = recordSite(site, options.siteWide, now);
      const limits = underAttack(now) ? options.underAttack : options.perNetwork;
      networks.set(who, record(networks.get(who), limits, now));
    },
    succeed(who) {
      const { map, key } = lane(who);
      map.delete(key);
    },
    underAttack: (now = Date.now()) => underAttack(now),
  };
}
