import { siteConfig } from '../site';
import type { RoutesFile } from './routes-file';

/** What exists at one moment, in the shape the route decision asks it. */
export type RouteTable = {
  pageSize: number;
  /** A live story's entries a page (decision 030), and how many each published one has. */
  livePageSize: number;
  liveEntries: Map<string, number>;
  /** Published stories per section, tag and author: how many listing pages each has. */
  sections: Map<string, number>;
  tags: Map<string, number>;
  authors: Map<string, number>;
  /** Slug to section, for published articles. */
  published: Map<string, string>;
  /** Slug to section, for drafts and articles scheduled for later: previews only. */
  unpublished: Map<string, string>;
  /** The newsroom's own pages by path (`about/team`), and the drafts among them: previews only. */
  pages: Set<string>;
  draftPages: Set<string>;
  /** When the next scheduled article goes live and the table must be built again. */
  validUntil: number;
};

const bump = (counts: Map<string, number>, key: string) =>
  counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * The table as readers see the site at `now`: an article is published once its date has
 * passed, as lib/content/listings/sort.ts's isPublished has it.
 */
export function routeTable(
  file: RoutesFile,
  now: number,
  pageSize: number,
  livePageSize = siteConfig.liveEntriesPerPage,
): RouteTable {
  const table: RouteTable = {
    pageSize,
    livePageSize,
    liveEntries: new Map(),
    sections: new Map(file.sections.map((id) => [id, 0])),
    tags: new Map(),
    authors: new Map(file.authors.map((id) => [id, 0])),
    published: new Map(),
    unpublished: new Map(file.drafts.map((d) => [d.slug, d.section])),
    pages: new Set(file.pages),
    draftPages: new Set(file.pageDrafts),
    validUntil: Infinity,
  };
  for (const article of file.articles) {
    const date = Date.parse(article.date);
    if (!(date <= now)) {
      table.unpublished.set(article.slug, article.section);
      if (date < table.validUntil) table.validUntil = date;
      continue;
    }
    table.published.set(article.slug, article.section);
    if (article.liveEntries !== undefined) table.liveEntries.set(article.slug, article.liveEntries);
    bump(table.sections, article.section);
    for (const tag of article.tags) bump(table.tags, tag);
    for (const author of article.authors) {
      if (table.authors.has(author)) bump(table.authors, author);
    }
  }
  return table;
}

/** Listing pages for `count` stories: at least one, which says "no stories yet". */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}
