import type { LiveBlog, LiveEntry } from '../schema/types';
import { LIVE_FEED_CACHE, liveFeedResponse, matches } from './feed-response';

const entry = (minute: number, extra: Partial<LiveEntry> = {}): LiveEntry => {
  const mm = String(minute).padStart(2, '0');
  return {
    id: `update-20261207t09${mm}z`,
    time: `2026-12-07T09:${mm}:00.000Z`,
    html: `<article id="update-20261207t09${mm}z">Entry ${minute}</article>`,
    ...extra,
  };
};

/** Newest first, as the index keeps them. */
const story = (entries: LiveEntry[], ended?: string): { liveBlog: LiveBlog } => ({
  liveBlog: { ...(ended ? { ended } : {}), entries },
});

const body = (r: ReturnType<typeof liveFeedResponse>) =>
  JSON.parse(r.body ?? 'null') as {
    version: string;
    ended: boolean;
    entries: { id: string; html: string; v: string; pinned?: true }[];
    since: string | null;
  };

it('answers the newest page: the pinned entry first, then the newest, with their HTML', () => {
  const r = liveFeedResponse(
    story([entry(3), entry(2), entry(1, { pinned: true, title: 'Arrivals' })]),
    null,
    20,
  );
  expect(r.status).toBe(200);
  expect(r.headers['Cache-Control']).toBe(LIVE_FEED_CACHE);
  expect(r.headers['Content-Type']).toMatch(/^application\/json/);
  const feed = body(r);
  expect(feed.ended).toBe(false);
  expect(feed.entries.map((e) => e.id)).toEqual([
    'update-20261207t0901z',
    'update-20261207t0903z',
    'update-20261207t0902z',
  ]);
  expect(feed.entries[0]).toMatchObject({ pinned: true, title: 'Arrivals' });
  expect(feed.entries[1]?.html).toBe('<article id="update-20261207t0903z">Entry 3</article>');
  expect(r.headers.ETag).toBe(`"${feed.version}"`);
  // Every entry fits: nothing on a reader's page is only "moved".
  expect(feed.since).toBeNull();
});

it('sends one page, and says from when the page reaches so removals can be told from moves', () => {
  const entries = Array.from({ length: 7 }, (_, i) => entry(9 - i));
  const feed = body(liveFeedResponse(story(entries), null, 5));
  expect(feed.entries).toHaveLength(5);
  expect(feed.since).toBe('2026-12-07T09:05:00.000Z');
});

it('leaves out an entry the build kept no HTML for, rather than sending an empty one', () => {
  const { html: _, ...bare } = entry(4);
  const feed = body(liveFeedResponse(story([entry(5), bare, entry(3)]), null, 20));
  expect(feed.entries.map((e) => e.id)).toEqual(['update-20261207t0905z', 'update-20261207t0903z']);
});

it('reaches only as far as the HTML kept, when the page is longer than that', () => {
  const { html: _, ...bare } = entry(1);
  const feed = body(liveFeedResponse(story([entry(3), entry(2), bare]), null, 20));
  expect(feed.since).toBe('2026-12-07T09:02:00.000Z');
});

it('answers 304 with no body when the client holds this version, in any form of the header', () => {
  const first = liveFeedResponse(story([entry(1)]), null, 20);
  const etag = first.headers.ETag!;
  for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
    const again = liveFeedResponse(story([entry(1)]), header, 20);
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers).toEqual({ 'Cache-Control': LIVE_FEED_CACHE, ETag: etag });
  }
});

it('gives a new version for a new entry, an edited one, a removed one and the end', () => {
  const base = [entry(2), entry(1)];
  const etag = (s: { liveBlog: LiveBlog }) => liveFeedResponse(s, null, 20).headers.ETag;
  const seen = new Set([
    etag(story(base)),
    etag(story([entry(3), ...base])),
    etag(story([{ ...entry(2), html: '<article>corrected</article>' }, entry(1)])),
    etag(story([entry(2)])),
    etag(story(base, '2026-12-07T10:00:00.000Z')),
  ]);
  expect(seen.size).toBe(5);
  // The same content is the same version, whichever process or publish made it.
  expect(etag(story([entry(2), entry(1)]))).toBe(etag(story(base)));
  expect(liveFeedResponse(story(base), etag(story([entry(3), ...base])) ?? null, 20).status).toBe(
    200,
  );
});

it('says when coverage has ended, with the entries still there', () => {
  const feed = body(liveFeedResponse(story([entry(1)], '2026-12-07T10:00:00.000Z'), null, 20));
  expect(feed.ended).toBe(true);
  expect(feed.entries).toHaveLength(1);
});

it('answers 404, kept by no cache, for an article that is not a live story or none at all', () => {
  for (const article of [undefined, {}]) {
    const r = liveFeedResponse(article, null, 20);
    expect(r.status).toBe(404);
    expect(r.headers['Cache-Control']).toBe('no-store');
  }
});

it('ignores an If-None-Match header longer than any client sends (a hostile one)', () => {
  const etag = liveFeedResponse(story([entry(1)]), null, 20).headers.ETag!;
  expect(matches(`${'"x", '.repeat(200)}${etag}`, etag)).toBe(false);
  expect(matches('', etag)).toBe(false);
  expect(matches('"', etag)).toBe(false);
  expect(matches(etag.slice(0, -1), etag)).toBe(false);
});
