// A live story of 1,000 entries (issue 21): what the build keeps of it, how its pages divide it
// and what a poll carries. Behaviour only; how long it takes is bench/live-story.ts's figure.
import {
  entryTime,
  liveStoryMdx,
  LIVE_STORY_DEFAULTS,
  PINNED_INDEX,
} from '@/test/support/live-story';
import { compileDocument, type CompiledDocument } from '../build/compile';
import { liveFindings } from '../build/live-check';
import type { LiveBlog } from '../schema/types';
import { liveView, pagedEntryCount } from './arrange';
import { HTML_KEPT } from './entry-html';
import { liveFeed } from './feed';
import { liveFeedResponse } from './feed-response';
import { liveBlogOf } from './live-blog';
import { updateId } from './update-id';

const ENTRIES = 1_000;
const PAGE_SIZE = 20;
const source = liveStoryMdx({ entries: ENTRIES });
const idOf = (i: number) =>
  updateId(new Date(entryTime(LIVE_STORY_DEFAULTS.start, i)).toISOString());
const story = (liveBlog: LiveBlog) => ({ url: '/politics/generated-live-story', liveBlog });

let doc: CompiledDocument;
let liveBlog: LiveBlog;
/** The same story compiled apart with only its newest 40 entries and the pinned one. */
let newest: LiveBlog;
beforeAll(async () => {
  doc = await compileDocument(source);
  liveBlog = liveBlogOf({ live: true }, doc.updates)!;
  const keep = (i: number) => i >= ENTRIES - 40 || i === PINNED_INDEX;
  const short = await compileDocument(liveStoryMdx({ entries: ENTRIES, keep }));
  newest = liveBlogOf({ live: true }, short.updates)!;
});

describe('a live story of 1,000 entries', () => {
  it('compiles without a problem and passes the content check', () => {
    expect(doc.problems).toEqual([]);
    expect(doc.code).not.toBeNull();
    expect(doc.updates).toHaveLength(ENTRIES);
    expect(liveFindings('content/articles/generated-live-story.mdx', doc, Date.now())).toEqual([]);
  });

  it(`keeps HTML for the pinned entry and the newest ${HTML_KEPT} only, not 1,000 entries' worth`, () => {
    const kept = liveBlog.entries.filter((e) => e.html !== undefined);
    expect(kept).toHaveLength(HTML_KEPT + 1);
    expect(kept.map((e) => e.id)).toContain(idOf(PINNED_INDEX));
    expect(kept.filter((e) => !e.pinned).map((e) => e.id)).toEqual(
      Array.from({ length: HTML_KEPT }, (_, i) => idOf(ENTRIES - 1 - i)),
    );
  });

  it('divides into 50 pages of 20 (the pinned entry counts on none), each entry on exactly one', () => {
    expect(pagedEntryCount(liveBlog)).toBe(ENTRIES - 1);
    const pages = Array.from({ length: 51 }, (_, i) => liveView(story(liveBlog), i + 1, PAGE_SIZE));
    expect(pages.slice(0, 50).every((v) => v?.page.totalPages === 50)).toBe(true);
    expect(pages[50]).toBeUndefined();
    expect(pages[0]?.page.pinned?.id).toBe(idOf(PINNED_INDEX));
    expect(pages[0]?.page.items.map((e) => e.id)).toEqual(
      Array.from({ length: PAGE_SIZE }, (_, i) => idOf(ENTRIES - 1 - i)),
    );
    expect(pages[49]?.page.items).toHaveLength(ENTRIES - 1 - 49 * PAGE_SIZE);
    const shown = pages.flatMap((v) => [
      ...(v?.page.pinned ? [v.page.pinned.id] : []),
      ...(v?.page.items.map((e) => e.id) ?? []),
    ]);
    expect(shown).toHaveLength(ENTRIES);
    expect(new Set(shown).size).toBe(ENTRIES);
  });

  it('links every key event to the page its entry is on, the oldest to the last page', () => {
    const { keyEvents } = liveView(story(liveBlog), 1, PAGE_SIZE)!;
    expect(keyEvents).toHaveLength(ENTRIES / 25);
    expect(keyEvents.at(-1)?.href).toBe(`/politics/generated-live-story/page/50#${idOf(0)}`);
    expect(keyEvents[0]?.href).toBe(`/politics/generated-live-story/page/2#${idOf(975)}`);
  });

  it('sends a poll the newest page only: the same feed as a file of its newest 40 entries', () => {
    const feed = liveFeed(liveBlog, PAGE_SIZE);
    expect(feed.entries.map((e) => e.id)).toEqual([
      idOf(PINNED_INDEX),
      ...Array.from({ length: PAGE_SIZE }, (_, i) => idOf(ENTRIES - 1 - i)),
    ]);
    expect(feed.since).toBe(
      new Date(entryTime(LIVE_STORY_DEFAULTS.start, ENTRIES - PAGE_SIZE)).toISOString(),
    );
    // Compiled apart, so the version is the same from any compile of the same newest page.
    expect(newest.entries).toHaveLength(41);
    expect(JSON.stringify(liveFeed(newest, PAGE_SIZE))).toBe(JSON.stringify(feed));
  });

  it('answers 304 to a poll with its ETag, whichever compile of the newest page gave it', () => {
    const first = liveFeedResponse({ liveBlog }, null, PAGE_SIZE);
    const other = liveFeedResponse({ liveBlog: newest }, null, PAGE_SIZE);
    expect(first.status).toBe(200);
    expect(other.headers.ETag).toBe(first.headers.ETag);
    const poll = liveFeedResponse({ liveBlog }, other.headers.ETag ?? null, PAGE_SIZE);
    expect(poll.status).toBe(304);
    expect(poll.body).toBeUndefined();
  });

  it('gives a new version when an entry is added, and a poll then carries it', async () => {
    const time = entryTime(LIVE_STORY_DEFAULTS.start, ENTRIES);
    const added = await compileDocument(
      `---\ntitle: t\ndek: d\ndate: ${time}\nsection: politics\nauthor: a\nlive: true\n---\n\n<Update time="${time}" title="The newest">\n\nJust in.\n\n</Update>\n`,
    );
    const grown = liveBlogOf({ live: true }, [...doc.updates, ...added.updates])!;
    const before = liveFeedResponse({ liveBlog }, null, PAGE_SIZE);
    const after = liveFeedResponse({ liveBlog: grown }, before.headers.ETag ?? null, PAGE_SIZE);
    expect(after.status).toBe(200);
    expect(after.headers.ETag).not.toBe(before.headers.ETag);
    const feed = liveFeed(grown, PAGE_SIZE);
    expect(feed.entries[1]?.id).toBe(idOf(ENTRIES));
    expect(feed.entries).toHaveLength(PAGE_SIZE + 1);
  });
});
