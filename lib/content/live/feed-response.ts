import type { ArticleMeta } from '../schema/types';
import { liveFeed, type LiveFeed } from './feed';

/**
 * For a CDN and a 15 s poll (docs/decisions/008, 032): browsers ask every time (a 304 while the
 * ETag holds), a CDN answers from its copy for 1 s, so a thousand readers of one story cost the
 * server one request a second per edge. One second, and no stale copy while it refetches: a
 * 15 s poll plus the copy's age plus the publish must stay within issue 21's 20 s for every
 * reader, and with 5 s and a stale window it could not (BENCHMARKS.md, Live stories).
 */
export const LIVE_FEED_CACHE = 'public, max-age=0, s-maxage=1';

/** Longer than any list of validators a browser or a CDN sends; anything longer is ignored. */
const MAX_IF_NONE_MATCH = 512;

export type FeedResponse = {
  status: 200 | 304 | 404;
  headers: Record<string, string>;
  body?: string;
};

/** Whether If-None-Match names this ETag (weakly, as RFC 9110 compares for GET). */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null || ifNoneMatch.length > MAX_IF_NONE_MATCH) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** The JSON of each feed, written once: a poll that is not a 304 costs a lookup, no stringify. */
const bodies = new WeakMap<LiveFeed, string>();

function bodyOf(feed: LiveFeed): string {
  const known = bodies.get(feed);
  if (known !== undefined) return known;
  const body = JSON.stringify(feed);
  bodies.set(feed, body);
  return body;
}

const notFound: FeedResponse = {
  status: 404,
  headers: { 'Cache-Control': 'no-store', 'Content-Type': 'application/json' },
  body: '{"error":"not a live story"}',
};

/**
 * The answer to GET <story>/live.json: the newest page of a published live story's entries, a
 * 304 when the client holds this version, a 404 for anything else. proxy.ts has refused every
 * path that is not a published live story's before this runs; this checks again, since a
 * publish may land between the two.
 */
export function liveFeedResponse(
  article: Pick<ArticleMeta, 'liveBlog'> | undefined,
  ifNoneMatch: string | null,
  pageSize: number,
): FeedResponse {
  if (!article?.liveBlog) return notFound;
  const feed = liveFeed(article.liveBlog, pageSize);
  const etag = `"${feed.version}"`;
  const headers = { 'Cache-Control': LIVE_FEED_CACHE, ETag: etag };
  if (matches(ifNoneMatch, etag)) return { status: 304, headers };
  return {
    status: 200,
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    body: bodyOf(feed),
  };
}
