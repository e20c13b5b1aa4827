/** One entry as the live endpoint sends it (lib/content/live/feed.ts), as the client reads it. */
export type PolledEntry = { id: string; time: string; html: string; v: string; pinned?: true };
export type PolledFeed = {
  version: string;
  ended: boolean;
  entries: PolledEntry[];
  since: string | null;
};

const ID = /^update-[0-9a-z]{1,40}$/;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function entryOf(x: unknown): PolledEntry | undefined {
  if (!isRecord(x)) return undefined;
  const { id, time, html, v, pinned } = x;
  if (typeof id !== 'string' || !ID.test(id)) return undefined;
  if (typeof time !== 'string' || typeof html !== 'string' || typeof v !== 'string')
    return undefined;
  return { id, time, html, v, ...(pinned === true ? { pinned } : {}) };
}

/**
 * The endpoint's answer, or undefined for anything else (a proxy's error page, a truncated
 * body): a poll that gets something unexpected counts as a failure and changes nothing. An id
 * must be an entry's own form, since it becomes a selector and an element's id.
 */
export function readFeed(x: unknown): PolledFeed | undefined {
  if (!isRecord(x) || typeof x.version !== 'string' || typeof x.ended !== 'boolean') return;
  if (!Array.isArray(x.entries) || !(x.since === null || typeof x.since === 'string')) return;
  const entries = x.entries.map(entryOf);
  if (entries.some((e) => e === undefined)) return undefined;
  return {
    version: x.version,
    ended: x.ended,
    entries: entries.filter((e): e is PolledEntry => e !== undefined),
    since: x.since,
  };
}
