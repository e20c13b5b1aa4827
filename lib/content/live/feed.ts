import { createHash } from 'node:crypto';
import type { LiveBlog } from '../schema/types';
import { arrangeEntries } from './arrange';

/** One entry as the live endpoint sends it: what the page shows of it, and its markup. */
export type LiveFeedEntry = {
  id: string;
  time: string;
  title?: string;
  keyEvent?: true;
  pinned?: true;
  html: string;
  /** A short digest of `html`: the client tells an edited entry from an unchanged one by it. */
  v: string;
};

/** What a live story's newest page holds now (docs/decisions/032). */
export type LiveFeed = {
  /** Changes whenever anything below does: the ETag, and what the page was rendered with. */
  version: string;
  ended: boolean;
  /** The pinned entry first, then the newest, as the story's own address shows them. */
  entries: LiveFeedEntry[];
  /**
   * The oldest moment the newest page reaches: an entry on a reader's page from that moment on
   * that is not listed here was removed; an older one has only moved to an older page.
   */
  since: string | null;
};

const digest = (text: string, length: number) =>
  createHash('sha256').update(text).digest('base64url').slice(0, length);

/** Made once per story per content version: every poll of that version is the same answer. */
const made = new WeakMap<LiveBlog, { pageSize: number; feed: LiveFeed }>();

/**
 * The newest page of a live story's entries, from the index alone: the HTML was rendered when
 * the story was compiled (lib/content/live/entry-html.ts), so answering costs no MDX. An entry
 * the build kept no HTML for (past the newest 30, or one that did not render) is left out; the
 * reader sees it on a reload.
 */
export function liveFeed(liveBlog: LiveBlog, pageSize: number): LiveFeed {
  const known = made.get(liveBlog);
  if (known && known.pageSize === pageSize) return known.feed;
  const { pinned, others } = arrangeEntries(liveBlog.entries);
  const newest = others.slice(0, pageSize);
  const entries = [...(pinned ? [pinned] : []), ...newest].flatMap((e): LiveFeedEntry[] =>
    e.html === undefined
      ? []
      : [
          {
            id: e.id,
            time: e.time,
            ...(e.title === undefined ? {} : { title: e.title }),
            ...(e.keyEvent ? { keyEvent: true as const } : {}),
            ...(e.pinned ? { pinned: true as const } : {}),
            html: e.html,
            v: digest(e.html, 8),
          },
        ],
  );
  // Every other entry sent: nothing on a reader's page is only "moved". Otherwise the oldest
  // sent (a page size over the HTML kept must not make the client remove what it was not sent).
  const sent = entries.filter((e) => !e.pinned);
  const since = sent.length === others.length ? null : (sent.at(-1)?.time ?? null);
  const content = { ended: liveBlog.ended !== undefined, entries, since };
  const feed = { version: digest(JSON.stringify(content), 16), ...content };
  made.set(liveBlog, { pageSize, feed });
  return feed;
}

/** What an open page needs to poll: where, and what it was rendered with. */
export type LivePoll = { endpoint: string; version: string; known: Record<string, string> };

/**
 * For a running live story's first page; undefined otherwise, so ended stories, older pages
 * and ordinary articles carry no live script (issue 21).
 */
export function livePoll(
  article: { url: string; liveBlog?: LiveBlog },
  pageSize: number,
): LivePoll | undefined {
  if (!article.liveBlog || article.liveBlog.ended !== undefined) return undefined;
  const feed = liveFeed(article.liveBlog, pageSize);
  return {
    endpoint: `${article.url}/live.json`,
    version: feed.version,
    known: Object.fromEntries(feed.entries.map((e) => [e.id, e.v])),
  };
}
