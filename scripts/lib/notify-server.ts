import { signBody } from '../../lib/publish/signature';
import type { PublishAnswer } from '../../lib/publish/messages';

export type NotifyOutcome =
  { ok: true; revalidated: number; tookMs: number } | { ok: false; why: string };

/**
 * Tells the server a version is written, signed with PUBLISH_SECRET, and waits for it to answer
 * that the version is live. A server that cannot be reached is tried again for a few seconds
 * (it may be restarting).
 */
export async function notifyServer(
  server: string,
  version: string,
  secret: string,
): Promise<NotifyOutcome> {
  if ([...secret].length < 12) {
    return {
      ok: false,
      why: 'set PUBLISH_SECRET (at least 12 characters, the server’s own) to tell the server',
    };
  }
  const url = new URL('/api/publish', server);
  const body = JSON.stringify({ version, sentAt: Date.now() });
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signBody(body, secret),
        },
        body,
        signal: AbortSignal.timeout(60_000),
      });
      const answer = (await response.json().catch(() => ({}))) as Partial<PublishAnswer> & {
        error?: string;
      };
      if (response.ok && answer.live === version) {
        return { ok: true, revalidated: answer.revalidated ?? 0, tookMs: answer.tookMs ?? 0 };
      }
      return {
        ok: false,
        why: `${url.origin} answered ${response.status}: ${answer.error ?? 'not the version written'}${answer.live ? ` (live: ${answer.live})` : ''}`,
      };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  return { ok: false, why: `${url.origin} could not be reached (${lastError})` };
}
