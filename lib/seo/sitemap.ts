import type { ArticleMeta, AuthorMeta, PageMeta, SectionMeta } from '@/lib/content/schema/types';
import { dateModified } from '@/lib/content/listings/modified';
import { absoluteUrl } from './urls';

// Characters XML 1.0 forbids even escaped (C0 controls but tab and newlines, lone surrogates,
// U+FFFE/U+FFFF): one in a title would make the whole sitemap unreadable, so they are dropped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

const escapeXml = (text: string) =>
  text
    .replace(NOT_XML, '')
    .replace(
      /[<>&'"]/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
    );

type SitemapInput = {
  siteUrl: string;
  articles: ArticleMeta[];
  sections: SectionMeta[];
  tags: { slug: string }[];
  authors: AuthorMeta[];
  /** The newsroom's own published pages (drafts are never given here); undated. */
  pages?: Pick<PageMeta, 'url'>[];
  /** Article slugs per tag, section and author, to date their listing pages. */
  latestFor: (filter: {
    section?: string;
    tag?: string;
    author?: string;
  }) => ArticleMeta | undefined;
};

export type SitemapEntry = { url: string; lastModified?: string };

/** Every page a search engine should know, each dated by its newest change. */
export function sitemapEntries(input: SitemapInput): SitemapEntry[] {
  const at = (pathname: string) => absoluteUrl(pathname, input.siteUrl);
  const modified = (article: ArticleMeta | undefined) =>
    article ? dateModified(article) : undefined;
  const entry = (pathname: string, lastModified: string | undefined) => ({
    url: at(pathname),
    ...(lastModified ? { lastModified } : {}),
  });
  return [
    entry('/', modified(input.articles[0])),
    ...input.sections.map((s) => entry(s.url, modified(input.latestFor({ section: s.id })))),
    ...input.articles.map((a) => entry(a.url, dateModified(a))),
    entry('/tags', modified(input.articles[0])),
    ...input.tags.map((t) => entry(`/tags/${t.slug}`, modified(input.latestFor({ tag: t.slug })))),
    ...input.authors.map((a) => entry(a.url, modified(input.latestFor({ author: a.id })))),
    ...(input.pages ?? []).map((p) => entry(p.url, undefined)),
  ];
}

const plainEntry = (e: SitemapEntry) =>
  `  <url>\n    <loc>${escapeXml(e.url)}</loc>\n${e.lastModified ? `    <lastmod>${escapeXml(e.lastModified)}</lastmod>\n` : ''}  </url>`;

/**
 * The sitemap protocol's XML (https://www.sitemaps.org/protocol.html). Written here rather than
 * by Next's `sitemap.ts` convention, whose response always says `max-age=0, must-revalidate`:
 * a CDN would ask the server again for every crawler's request (docs/decisions/008).
 */
export function sitemapXml(entries: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map(plainEntry).join('\n')}
</urlset>
`;
}

export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

type NewsSite = { name: string; url: string };

const newsEntry = (a: ArticleMeta, site: NewsSite) => `  <url>
    <loc>${escapeXml(absoluteUrl(a.url, site.url))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(site.name)}</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>${escapeXml(a.date)}</news:publication_date>
      <news:title>${escapeXml(a.title)}</news:title>
    </news:news>
  </url>`;

/**
 * Google News sitemap: articles published in the last 48 hours, with publication name,
 * language, date and title (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 *
 * A quiet newsroom has nothing from the last 48 hours, and an empty `<urlset>` is not a sitemap:
 * the sitemaps.org schema requires at least one `<url>`. Google's guide allows older URLs to
 * stay in a news sitemap once their `<news:news>` is removed, so the newest story (the front
 * page, on a site with none) is listed as a plain URL: valid, and nothing Google News would take
 * for fresh news.
 */
export function newsSitemapXml(articles: ArticleMeta[], now: Date, site: NewsSite): string {
  const published = articles.filter((a) => Date.parse(a.date) <= now.getTime());
  const recent = published.filter((a) => now.getTime() - Date.parse(a.date) <= NEWS_WINDOW_MS);
  const newest = published.reduce<ArticleMeta | undefined>(
    (best, a) => (!best || a.date > best.date ? a : best),
    undefined,
  );
  const urls =
    recent.length > 0
      ? recent.map((a) => newsEntry(a, site))
      : [
          plainEntry(
            newest
              ? { url: absoluteUrl(newest.url, site.url), lastModified: dateModified(newest) }
              : { url: absoluteUrl('/', site.url) },
          ),
        ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}
</urlset>
`;
}
