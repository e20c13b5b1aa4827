import { nestedPagePath } from '../routing/nested-pages';
import { tagSlug } from '../content/listings/tags';
import type { AdsConfig } from '../ads/schema';
import { pagedEntryCount } from '../content/live/arrange';
import { isRunning } from '../content/live/live-blog';
import { dateModified } from '../content/listings/modified';
import type { ArticleMeta, AuthorMeta, PageMeta, SectionMeta } from '../content/schema/types';
import { siteConfig } from '../site';

/**
 * What readers could see at one moment: the published articles, sections, authors and pages,
 * and the advertising settings.
 */
export type ContentView = {
  articles: ArticleMeta[];
  sections: SectionMeta[];
  authors: Map<string, AuthorMeta>;
  pages?: Map<string, PageMeta>;
  ads?: AdsConfig;
};

/** Everything: a change that shows on every page (a section renamed: the navigation). */
export const EVERYTHING = 'everything';

const SITE_WIDE = [
  '/',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/sitemap.xml',
  '/news-sitemap.xml',
];

/** A listing's first page and every later page it has, before or after. */
function listingPages(base: string, counts: number[], pageSize: number): string[] {
  const pages = Math.max(1, ...counts.map((n) => Math.ceil(n / pageSize)));
  return [base, ...Array.from({ length: pages - 1 }, (_, i) => `${base}/page/${i + 2}`)];
}

/**
 * What a listing card, a feed item or a sitemap entry shows of an article, and where the front
 * page puts it (sticky); a live story's card says "Live" while coverage runs.
 */
const listed = (a: ArticleMeta) =>
  JSON.stringify([
    isRunning(a),
    a.url,
    a.guid,
    a.sticky,
    a.title,
    a.dek,
    a.date,
    a.updated,
    a.image,
    a.tags,
    a.authorIds,
    a.section,
  ]);

/**
 * A live story's older pages (`<story>/page/<n>`, decision 030), before or after: a new entry
 * moves one entry down onto each of them, and a page past the new last must answer afresh.
 */
function olderLivePages(a: ArticleMeta | undefined, b: ArticleMeta | undefined, size: number) {
  const pages = (x: ArticleMeta | undefined) =>
    x?.liveBlog ? Math.ceil(pagedEntryCount(x.liveBlog) / size) : 0;
  const url = (b ?? a)!.url;
  return Array.from({ length: Math.max(pages(a), pages(b)) - 1 }, (_, i) => `${url}/page/${i + 2}`);
}

function counter(articles: ArticleMeta[]) {
  const sections = new Map<string, number>();
  const tags = new Map<string, number>();
  const authors = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const a of articles) {
    bump(sections, a.section);
    for (const tag of new Set(a.tags.map(tagSlug))) bump(tags, tag);
    for (const id of a.authorIds) bump(authors, id);
  }
  return { sections, tags, authors };
}

/**
 * The paths whose pages show something that differs between two views, so a publish
 * revalidates exactly those: a new, edited or removed article's own page and card; every page
 * of its sections, topics and authors (its arrival or removal moves every later story down or
 * up a page); the front page, the feeds, the sitemaps and /corrections when they list it; and
 * every article whose "You may also like" changed or shows it. A changed section (the
 * navigation, on every page) is EVERYTHING, and so are changed advertising settings (slots are
 * on every page).
 */
export function affectedPaths(
  before: ContentView,
  after: ContentView,
  pageSize: number,
  livePageSize = siteConfig.liveEntriesPerPage,
): string[] {
  const sectionsKey = (view: ContentView) => JSON.stringify(view.sections);
  if (sectionsKey(before) !== sectionsKey(after)) return [EVERYTHING];
  if (JSON.stringify(before.ads ?? null) !== JSON.stringify(after.ads ?? null)) return [EVERYTHING];

  const paths = new Set<string>();
  for (const id of new Set([...(before.pages?.keys() ?? []), ...(after.pages?.keys() ?? [])])) {
    const a = before.pages?.get(id);
    const b = after.pages?.get(id);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      const { url } = (a ?? b)!;
      paths.add(url);
      // A page three deep is cached under the route that renders it.
      const rendered = nestedPagePath(url);
      if (rendered) paths.add(rendered);
    }
    // The sitemap lists published pages.
    if (!a !== !b) paths.add('/sitemap.xml');
  }
  const old = new Map(before.articles.map((a) => [a.slug, a]));
  const now = new Map(after.articles.map((a) => [a.slug, a]));
  const oldCounts = counter(before.articles);
  const newCounts = counter(after.articles);
  const changedCards = new Set<string>();
  const listings = {
    sections: new Set<string>(),
    tags: new Set<string>(),
    authors: new Set<string>(),
  };

  for (const slug of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(slug);
    const b = now.get(slug);
    if (a && b && JSON.stringify(a) === JSON.stringify(b)) continue;
    for (const article of [a, b]) {
      if (!article) continue;
      paths.add(article.url);
      paths.add(`${article.url}/opengraph-image`);
    }
    for (const path of olderLivePages(a, b, livePageSize)) paths.add(path);
    if (a && b && listed(a) === listed(b)) {
      // A live story's new entry: its feed item's date and its sitemap entry, not its card (a
      // new entry must not re-render every "You may also like" that shows it; issue 21).
      if (dateModified(a) !== dateModified(b)) {
        for (const path of SITE_WIDE) if (path !== '/') paths.add(path);
        paths.add(`/${b.section}/feed.xml`);
      }
      if (JSON.stringify(a.corrections) !== JSON.stringify(b.corrections))
        paths.add('/corrections');
      continue;
    }
    changedCards.add(slug);
    for (const article of [a, b]) {
      if (!article) continue;
      listings.sections.add(article.section);
      for (const tag of article.tags) listings.tags.add(tagSlug(tag));
      for (const id of article.authorIds) listings.authors.add(id);
      if (article.corrections.length > 0) paths.add('/corrections');
    }
  }
  if (changedCards.size > 0) {
    for (const path of SITE_WIDE) paths.add(path);
    paths.add('/tags');
  }
  // An article shows the cards of its related stories: a card that changed, or a list that did.
  for (const article of after.articles) {
    if (article.related.some((slug) => changedCards.has(slug))) paths.add(article.url);
  }

  for (const [id, author] of after.authors) {
    const earlier = before.authors.get(id);
    if (earlier && JSON.stringify(earlier) === JSON.stringify(author)) continue;
    listings.authors.add(id);
    // The byline on every story of theirs.
    for (const article of after.articles)
      if (article.authorIds.includes(id)) paths.add(article.url);
  }
  for (const id of before.authors.keys()) if (!after.authors.has(id)) listings.authors.add(id);

  for (const section of listings.sections) {
    const counts = [oldCounts.sections.get(section) ?? 0, newCounts.sections.get(section) ?? 0];
    for (const path of listingPages(`/${section}`, counts, pageSize)) paths.add(path);
    paths.add(`/${section}/feed.xml`);
  }
  for (const tag of listings.tags) {
    const counts = [oldCounts.tags.get(tag) ?? 0, newCounts.tags.get(tag) ?? 0];
    for (const path of listingPages(`/tags/${tag}`, counts, pageSize)) paths.add(path);
  }
  for (const id of listings.authors) {
    const counts = [oldCounts.authors.get(id) ?? 0, newCounts.authors.get(id) ?? 0];
    for (const path of listingPages(`/authors/${id}`, counts, pageSize)) paths.add(path);
  }
  return [...paths].sort();
}
