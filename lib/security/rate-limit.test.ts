import { createRateLimiter } from './rate-limit';

const limits = { burst: 5, perSecond: 0.5, maxKeys: 100 };

describe('createRateLimiter', () => {
  it('lets a burst through at once, then refuses with the seconds until the next token', () => {
    const limiter = createRateLimiter(limits);
    const verdicts = Array.from({ length: 6 }, () => limiter.take('net', 1_000));
    expect(verdicts.slice(0, 5).every((v) => v.allowed)).toBe(true);
    expect(verdicts[5]).toEqual({ allowed: false, retryAfterS: 2 });
  });

  it('refills at its rate, never past the burst', () => {
    const limiter = createRateLimiter(limits);
    for (let i = 0; i < 5; i++) limiter.take('net', 0);
    expect(limiter.take('net', 1_000).allowed).toBe(false);
    expect(limiter.take('net', 2_000).allowed).toBe(true);
    expect(limiter.take('net', 2_000).allowed).toBe(false);
    // An hour idle buys the burst again, not 1,800 requests.
    const later = 3_600_000;
    const after = Array.from({ length: 6 }, () => limiter.take('net', later).allowed);
    expect(after).toEqual([true, true, true, true, true, false]);
  });

  it('a refused request spends nothing: a client that keeps asking still gets its token in time', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 1, maxKeys: 10 });
    expect(limiter.take('net', 0).allowed).toBe(true);
    for (let t = 0; t < 1_000; t += 100) expect(limiter.take('net', t).allowed).toBe(false);
    expect(limiter.take('net', 1_000).allowed).toBe(true);
  });

  it('counts each network apart: one flooding leaves another untouched', () => {
    const limiter = createRateLimiter(limits);
    for (let i = 0; i < 50; i++) limiter.take('flood', 0);
    expect(limiter.take('flood', 0).allowed).toBe(false);
    expect(limiter.take('reader', 0).allowed).toBe(true);
  });

  it('takes hostile keys as plain keys', () => {
    const limiter = createRateLimiter(limits);
    for (const key of ['__proto__', 'constructor', 'toString', '', '\u0000', 'x'.repeat(10_000)]) {
      for (let i = 0; i < 5; i++) expect(limiter.take(key, 0).allowed).toBe(true);
      expect(limiter.take(key, 0).allowed).toBe(false);
    }
    expect(Object.prototype.hasOwnProperty.call({}, 'tokens')).toBe(false);
  });

  it('remembers at most maxKeys networks, forgetting the least recently seen', () => {
    const limiter = createRateLimiter(limits);
    for (let i = 0; i < 5; i++) limiter.take('kept', 0);
    for (let i = 0; i < 100_000; i++) {
      limiter.take(`spread-${i}`, 0);
      if (i % 50 === 0) limiter.take('kept', 0);
    }
    expect(limiter.size()).toBe(100);
    // Seen all along, so never forgotten: still empty.
    expect(limiter.take('kept', 0).allowed).toBe(false);
  });

  it('survives a clock that steps back', () => {
    const limiter = createRateLimiter(limits);
    for (let i = 0; i < 5; i++) limiter.take('net', 10_000);
    expect(limiter.take('net', 0).allowed).toBe(false);
    expect(limiter.take('net', 12_000).allowed).toBe(true);
  });
});
