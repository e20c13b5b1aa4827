import { createThrottle, DEFAULT_LIMITS, type LocalThrottle } from './throttle';

const T0 = Date.UTC(2026, 0, 1);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Tries once; counts a failure only when the throttle let the attempt through. */
function attempt(throttle: LocalThrottle, key: string, now: number, right = false) {
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

  it('throttles everyone once the whole site sees too many failures', () => {
    const throttle = createThrottle();
    const free = DEFAULT_LIMITS.siteWide.free;
    // A script spreading its guesses: one per network, never enough to slow any one network.
    for (let i = 0; i < free; i++) throttle.fail(`network-${i}`, T0 + i);
    expect(throttle.check('newcomer', T0 + free).allowed).toBe(true);
    throttle.fail(`network-${free}`, T0 + free);
    const verdict = throttle.check('newcomer', T0 + free);
    expect(verdict).toEqual({ allowed: false, retryAfterS: 1 });
    // And the wait grows with every further failure let through.
    let now = T0 + free + SECOND;
    let checked = 0;
    for (let i = 0; now < T0 + 60 * MINUTE; i++, now += 50) {
      if (attempt(throttle, `spread-${i}`, now).allowed) checked++;
    }
    expect(checked).toBeLessThan(25);
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
