/** How often an open live page asks for new entries (docs/decisions/032). */
export const VISIBLE_MS = 15_000;
export const HIDDEN_MS = 60_000;
/** The longest wait after failures: a server or network that is away is asked rarely. */
export const MAX_BACKOFF_MS = 300_000;

/**
 * The wait before the next poll: 15 s while the page is visible, 60 s while hidden, and after
 * failures twice as long for each, up to five minutes, so a struggling server is not hammered.
 */
export function pollDelay(visible: boolean, failures: number): number {
  const base = visible ? VISIBLE_MS : HIDDEN_MS;
  if (failures <= 0) return base;
  return Math.min(MAX_BACKOFF_MS, Math.max(base, VISIBLE_MS * 2 ** Math.min(failures, 10)));
}
