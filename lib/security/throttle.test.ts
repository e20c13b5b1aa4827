import { createThrottle, DEFAULT_LIMITS, type LocalThrottle, type Requester } from './throttle';

const T0 = Date.UTC(2026, 0, 1);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Tries once; counts a failure only when the throttle let the attempt through. */
function attempt(throttle: LocalThrottle, key: Requester, now: number, right = false) {
  const verdict = throttle.check(key, now);
  if (verdict.allowed) {
    if (right) throttle.succeed(key);
    else throttle.fail(key, now);
  }
  return verdict;
}

describe('createThrottle', () => {
  it('never holds up a person who mistypes a few times', () => {
    const throttle = createThrottle();
    for (let i = 0; i < DEFAULT_LIMITS.perNetwork.free; i++) {
      expect(attempt(throttle, 'editor', T0 + i * SECOND).allowed).toBe(true);
    }
    expect(attempt(throttle, 'editor', T0 + 10 * SECOND, true).allowed).toBe(true);
    // Getting it right clears the slate.
    for (let i = 0; i < DEFAULT_LIMITS.perNetwork.free; i++) {
      expect(attempt(throttle, 'editor', T0 + (20 + i) * SECOND).allowed).toBe(true);
    }
  });

  it('makes each failure past the free ones wait twice as long, up to the cap', () => {
    const throttle = createThrottle();
    let now = T0;
    for (let i = 0; i < DEFAULT_LIMITS.perNetwork.free; i++) throttle.fail('script', now);
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      throttle.fail('script', now);
      const verdict = throttle.check('script', now);
      if (verdict.allowed) throw new Error('not throttled');
      waits.push(verdict.retryAfterS);
      now += verdict.retryAfterS * SECOND;
      expect(throttle.check('script', now).allowed).toBe(true);
    }
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(waits.at(-1)).toBe(15 * 60);
  });

  it('stops a script trying thousands of passwords', () => {
    const throttle = createThrottle();
    let checked = 0;
    // One guess every 100 ms for an hour, from one network.
    for (let now = T0; now < T0 + 60 * MINUTE; now += 100) {
      if (attempt(throttle, 'script', now).allowed) checked++;
    }
    // 36,000 tries; only these reached the password.
    expect(checked).toBeLessThan(25);
  });

  it('keeps other networks out of one network’s penalty', () => {
    const throttle = createThrottle();
    for (let i = 0; i < 20; i++) throttle.fail('script', T0);
    expect(throttle.check('script', T0).allowed).toBe(false);
    expect(throttle.check('editor', T0).allowed).toBe(true);
  });

  it('forgets a network an hour after its last wait ended', () => {
    const throttle = createThrottle();
    for (let i = 0; i < 8; i++) throttle.fail('office', T0);
    expect(throttle.check('office', T0 + SECOND)).toEqual({ allowed: false, retryAfterS: 3 });
    const later = T0 + 4 * SECOND + 61 * MINUTE;
    for (let i = 0; i < DEFAULT_LIMITS.perNetwork.free; i++) {
      expect(attempt(throttle, 'office', later + i).allowed).toBe(true);
    }
  });

  /** A script spreading its guesses: a few per network, never enough to slow any one network. */
  function flood(throttle: LocalThrottle, failures: number, networks: number, now: number) {
    for (let i = 0; i < failures; i++) attempt(throttle, `network-${i % networks}`, now + i);
  }

  it('past 200 failures site-wide, is under attack, and turns nobody away for it', () => {
    const throttle = createThrottle();
    flood(throttle, DEFAULT_LIMITS.siteWide.free, 60, T0);
    expect(throttle.underAttack(T0 + SECOND)).toBe(false);
    flood(throttle, 1, 1, T0 + SECOND);
    expect(throttle.underAttack(T0 + SECOND)).toBe(true);
    expect(throttle.check('newcomer', T0 + SECOND)).toEqual({ allowed: true });
    // Fifteen quiet minutes and the site is at peace again.
    expect(throttle.underAttack(T0 + SECOND + 15 * MINUTE)).toBe(false);
  });

  // Issue 17: 200 wrong tries anywhere kept the newsroom out for hours.
  it('lets a stranger with the right password in at once after a flood from 60 networks', () => {
    const throttle = createThrottle();
    flood(throttle, 240, 60, T0);
    expect(throttle.underAttack(T0 + 240)).toBe(true);
    // From a network nobody has guessed from: the first try is looked at, at once.
    expect(attempt(throttle, 'stranger', T0 + SECOND, true)).toEqual({ allowed: true });
    // One who mistypes twice first still gets in at once (the promised bound: no wait).
    const typist = 'typist';
    expect(attempt(throttle, typist, T0 + SECOND).allowed).toBe(true);
    expect(attempt(throttle, typist, T0 + 2 * SECOND).allowed).toBe(true);
    expect(attempt(throttle, typist, T0 + 3 * SECOND, true)).toEqual({ allowed: true });
    // A third mistake under attack costs a minute, where it is free in ordinary times.
    for (let i = 0; i < 3; i++) attempt(throttle, 'clumsy', T0 + 4 * SECOND);
    expect(throttle.check('clumsy', T0 + 4 * SECOND)).toEqual({ allowed: false, retryAfterS: 60 });
  });

  it('gives each network of a spread-out script fewer guesses while the site is under attack', () => {
    const guessesInAnHour = (throttle: LocalThrottle, othersPerMinute: number) => {
      let checked = 0;
      for (let now = T0; now < T0 + 60 * MINUTE; now += 100) {
        // The rest of the script, on networks of its own, fails this often.
        if ((now - T0) % MINUTE === 0) flood(throttle, othersPerMinute, 1000, now);
        if (attempt(throttle, 'one-of-many', now).allowed) checked++;
      }
      return checked;
    };
    const quiet = guessesInAnHour(createThrottle(), 0);
    const underAttack = guessesInAnHour(createThrottle(), 250);
    expect(quiet).toBeGreaterThanOrEqual(18);
    expect(underAttack).toBeLessThanOrEqual(9);
  });

  it('counts a device’s failures for that device alone', () => {
    const throttle = createThrottle();
    const mine = { device: 'moderator-laptop' };
    const stolen = { device: 'copied-cookie' };
    for (let i = 0; i < 20; i++) attempt(throttle, stolen, T0 + i);
    expect(throttle.check(stolen, T0 + SECOND).allowed).toBe(false);
    // Nobody else is held up: not another device, not the network it came from, not the site.
    expect(throttle.check(mine, T0 + SECOND)).toEqual({ allowed: true });
    expect(throttle.check('the-office', T0 + SECOND)).toEqual({ allowed: true });
    expect(throttle.underAttack(T0 + SECOND)).toBe(false);
  });

  it('never holds up a device for the failures of its network or of the site', () => {
    const throttle = createThrottle();
    flood(throttle, 240, 60, T0);
    for (let i = 0; i < 20; i++) throttle.fail('network-0', T0 + SECOND);
    expect(throttle.check('network-0', T0 + 2 * SECOND).allowed).toBe(false);
    // The moderator's browser, on that very network, signs in at once.
    expect(attempt(throttle, { device: 'moderator' }, T0 + 2 * SECOND, true)).toEqual({
      allowed: true,
    });
    // And its own mistakes follow the ordinary allowance, not the one for an attack.
    for (let i = 0; i < DEFAULT_LIMITS.perDevice.free; i++) {
      expect(attempt(throttle, { device: 'moderator' }, T0 + 3 * SECOND).allowed).toBe(true);
    }
  });

  it('remembers a bounded number of networks, forgetting the least recent', () => {
    const throttle = createThrottle({ ...DEFAULT_LIMITS, maxKeys: 100 });
    for (let i = 0; i < 10; i++) throttle.fail('first', T0);
    expect(throttle.check('first', T0).allowed).toBe(false);
    for (let i = 0; i < 100; i++) throttle.fail(`other-${i}`, T0);
    expect(throttle.check('first', T0).allowed).toBe(true);
    // The most recent ones are still remembered.
    for (let i = 0; i < 10; i++) throttle.fail('other-99', T0);
    expect(throttle.check('other-99', T0).allowed).toBe(false);
  });
});
