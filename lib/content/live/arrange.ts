import { paginate, type Page } from '../listings/paginate';
import type { ArticleMeta, LiveBlog, LiveEntry } from '../schema/types';
import { byNewestEntry } from './live-blog';

/** The pinned entry, shown first, and the others newest first, which are paginated. */
export type Arranged = { pinned?: LiveEntry; others: LiveEntry[] };

/**
 * How a live story's page orders its entries (docs/decisions/030). The content check allows one
 * pinned entry; should a stored story have more, the newest is pinned and the rest take their
 * place in time, so no entry is shown twice (its id would be on the page twice).
 */
export function arrangeEntries(entries: LiveEntry[]): Arranged {
  const others = [...entries].sort(byNewestEntry);
  const at = others.findIndex((e) => e.pinned);
  if (at < 0) return { others };
  const [pinned] = others.splice(at, 1);
  return { pinned, others };
}

/** Page `page` of the entries; undefined past the last, so the route answers 404. */
export type LivePage = Page<LiveEntry> & {
  /** On the first page only, above the newest entry. */
  pinned?: LiveEntry;
};

/** The first page is the story's own address; older ones are at <story>/page/<n>. */
export const livePageHref = (url: string, page: number) =>
  page <= 1 ? url : `${url}/page/${page}`;

export type KeyEvent = { entry: LiveEntry; href: string };

export type LiveView = {
  page: LivePage;
  /** Newest first, each linking to the page its entry is on. */
  keyEvents: KeyEvent[];
  /** The newest entry, pinned or not: "Updated …". */
  latest?: LiveEntry;
};

type LiveArticle = Pick<ArticleMeta, 'url' | 'liveBlog'>;

/**
 * Where each entry is now, by id: `<page>#<id>`, the pinned one on the first page. Key events
 * and structured data link to entries through it, so a link follows its entry to older pages.
 */
export function entryHrefs(article: LiveArticle, pageSize: number): Map<string, string> {
  const { pinned, others } = arrangeEntries(article.liveBlog?.entries ?? []);
  const href = (id: string, page: number) => `${livePageHref(article.url, page)}#${id}`;
  return new Map([
    ...(pinned ? [[pinned.id, href(pinned.id, 1)] as const] : []),
    ...others.map((e, i) => [e.id, href(e.id, Math.floor(i / pageSize) + 1)] as const),
  ]);
}

/**
 * What page `page` of a live story shows, from the index alone: its entries, the key events
 * with links to wherever their entries are now, and the latest entry's time. Undefined for an
 * article that is not live and past the last page. The pinned entry is on page 1 and counts on
 * no page; a story with no entry yet has one, empty, page.
 */
export function liveView(
  article: LiveArticle,
  page: number,
  pageSize: number,
): LiveView | undefined {
  if (!article.liveBlog) return undefined;
  const { pinned, others } = arrangeEntries(article.liveBlog.entries);
  const listed = paginate(others, page, pageSize);
  if (!listed) return undefined;
  const hrefs = entryHrefs(article, pageSize);
  const newestFirst = [...(pinned ? [pinned] : []), ...others].sort(byNewestEntry);
  const keyEvents = newestFirst
    .filter((e) => e.keyEvent)
    .map((entry) => ({ entry, href: hrefs.get(entry.id) ?? article.url }));
  const [latest] = newestFirst;
  return {
    page: page === 1 && pinned ? { ...listed, pinned } : listed,
    keyEvents,
    ...(latest ? { latest } : {}),
  };
}

/** How many entries are paginated (all but the pinned one): what the route table counts. */
export const pagedEntryCount = (liveBlog: LiveBlog) =>
  arrangeEntries(liveBlog.entries).others.length;
