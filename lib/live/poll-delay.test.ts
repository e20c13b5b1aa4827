import { HIDDEN_MS, MAX_BACKOFF_MS, pollDelay, VISIBLE_MS } from './poll-delay';

it('waits 15 s while the page is visible and 60 s while hidden', () => {
  expect(pollDelay(true, 0)).toBe(VISIBLE_MS);
  expect(pollDelay(false, 0)).toBe(HIDDEN_MS);
});

it('doubles the wait with each failure, up to five minutes, never under the hidden pace', () => {
  expect([1, 2, 3, 4, 5, 50].map((f) => pollDelay(true, f))).toEqual([
    30_000, 60_000, 120_000, 240_000, 300_000, 300_000,
  ]);
  expect(pollDelay(false, 1)).toBe(HIDDEN_MS);
  expect(pollDelay(true, Infinity)).toBe(MAX_BACKOFF_MS);
});
