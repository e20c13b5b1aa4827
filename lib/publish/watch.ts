import { randomBytes } from 'node:crypto';
import { currentVersionId } from '../content/store/layout';
import { INTERNAL_HEADER, INTERNAL_TOKEN_KEY } from './messages';
import type { SyncResult } from './sync';

const LOOK_EVERY_MS = 1_000;

/**
 * Keeps this server's cached pages in step with the content without anyone asking: once a
 * second it looks where `current` points (a version another process or a webhook publish
 * wrote), and at each scheduled article's time, and then asks its own publish endpoint to sync
 * (revalidating needs a request of Next's). It signs those requests with a token only this
 * process knows. The first look, at start, brings pages prerendered by the build up to date
 * with whatever was published since.
 */
export function watchContent(origin: string): void {
  const token = randomBytes(32).toString('hex');
  (globalThis as typeof globalThis & { [key: symbol]: string })[INTERNAL_TOKEN_KEY] = token;
  let seen: string | undefined;
  let nextCheckAt: number | null = null;
  let busy = false;
  const look = async () => {
    const version = currentVersionId();
    const due = version !== seen || (nextCheckAt !== null && Date.now() >= nextCheckAt);
    if (busy || !version || !due) return;
    busy = true;
    try {
      const response = await fetch(`${origin}/api/publish`, {
        method: 'POST',
        headers: { [INTERNAL_HEADER]: token, 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(30_000),
      });
      if (response.ok) {
        const result = (await response.json()) as SyncResult;
        seen = result.live;
        nextCheckAt = result.nextCheckAt;
      }
    } catch {
      // The server is not listening yet, or is busy: the next look tries again.
    } finally {
      busy = false;
    }
  };
  setInterval(() => void look(), LOOK_EVERY_MS).unref();
}
