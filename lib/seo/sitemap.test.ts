import { XMLParser } from 'fast-xml-parser';
import { article, author, section } from '@/test/support/seo-fixtures';
import { sitemapSchemaErrors } from '@/test/support/schemas/validate';
import { newsSitemapXml, sitemapEntries, sitemapXml } from './sitemap';

/** The sample site's entries: one section, topic and author, and these articles. */
const entriesOf = (articles: ReturnType<typeof article>[]) =>
  sitemapEntries({
    siteUrl: 'https://news.example',
    articles,
    sections: [section],
    tags: [{ slug: 'north-korea' }],
    authors: [author],
    latestFor: () => articles[0],
  });

describe('sitemap', () => {
  it('lists every article, section, tag and author page with its last change', () => {
    const articles = [article()];
    const entries = entriesOf(articles);
    expect(entries.map((e) => e.url)).toEqual([
      'https://news.example/',
      'https://news.example/world',
      'https://news.example/world/kim-letter',
      'https://news.example/tags',
      'https://news.example/tags/north-korea',
      'https://news.example/authors/omar',
    ]);
    expect(entries.every((e) => e.lastModified === '2026-01-03T10:00:00.000Z')).toBe(true);
  });

  it('lists the newsroom’s own pages, undated', () => {
    const entries = sitemapEntries({
      siteUrl: 'https://news.example',
      articles: [],
      sections: [],
      tags: [],
      authors: [],
      pages: [{ url: '/support' }, { url: '/about/team' }],
      latestFor: () => undefined,
    });
    expect(entries.slice(-2)).toEqual([
      { url: 'https://news.example/support' },
      { url: 'https://news.example/about/team' },
    ]);
  });

  it('writes the entries as sitemap protocol XML, escaped, lastmod only where known', () => {
    const xml = sitemapXml([
      { url: 'https://news.example/', lastModified: '2026-01-03T10:00:00.000Z' },
      { url: 'https://news.example/tags/a&b' },
    ]);
    const url = new XMLParser().parse(xml).urlset.url;
    expect(url).toEqual([
      { loc: 'https://news.example/', lastmod: '2026-01-03T10:00:00.000Z' },
      { loc: 'https://news.example/tags/a&b' },
    ]);
    expect(xml).toContain('<loc>https://news.example/tags/a&amp;b</loc>');
    expect(xml).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
  });

  it('puts only the last 48 hours in the news sitemap, in Google News form', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const xml = newsSitemapXml(
      [
        article({ slug: 'fresh', url: '/world/fresh', date: '2026-11-27T13:00:00.000Z' }),
        article({ slug: 'stale', url: '/world/stale', date: '2026-11-26T11:00:00.000Z' }),
        article({ slug: 'scheduled', url: '/world/scheduled', date: '2026-11-29T00:00:00.000Z' }),
      ],
      now,
      { name: 'Masthead', url: 'https://news.example' },
    );
    const parsed = new XMLParser().parse(xml);
    const url = parsed.urlset.url;
    expect(url.loc).toBe('https://news.example/world/fresh');
    expect(url['news:news']['news:publication']).toEqual({
      'news:name': 'Masthead',
      'news:language': 'en',
    });
    expect(url['news:news']['news:publication_date']).toBe('2026-11-27T13:00:00.000Z');
    expect(url['news:news']['news:title']).toBe('Kim writes to Putin & friends <again>');
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
  });

  const site = { name: 'Masthead', url: 'https://news.example' };
  const now = new Date('2026-11-28T12:00:00Z');

  it('writes a main sitemap the sitemaps.org schema accepts', async () => {
    const articles = [article(), article({ slug: 'b', url: '/world/b', updated: undefined })];
    const xml = sitemapXml(entriesOf(articles));
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
  });

  it('writes a news sitemap both schemas accept', async () => {
    const xml = newsSitemapXml(
      [article({ slug: 'fresh', url: '/world/fresh', date: '2026-11-27T13:00:00.000Z' })],
      now,
      site,
    );
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
  });

  it('the schema check refuses the empty urlset this sitemap used to be when the news was old', async () => {
    const empty = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
</urlset>
`;
    expect((await sitemapSchemaErrors(empty)).join('\n')).toMatch(/Missing child element/);
  });

  it('with nothing from the last 48 hours, lists the newest story without news metadata, valid', async () => {
    const xml = newsSitemapXml(
      [
        article({ slug: 'scheduled', url: '/world/scheduled', date: '2026-11-29T00:00:00.000Z' }),
        article({ slug: 'older', url: '/world/older', date: '2026-10-01T08:00:00.000Z' }),
        article({ slug: 'newest', url: '/world/newest', date: '2026-11-20T08:00:00.000Z' }),
      ],
      now,
      site,
    );
    const url = new XMLParser().parse(xml).urlset.url;
    expect(url).toEqual({
      loc: 'https://news.example/world/newest',
      lastmod: '2026-11-20T08:00:00.000Z',
    });
    expect(xml).not.toContain('<news:news>');
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
  });

  it('with no story at all, lists the front page, valid', async () => {
    const xml = newsSitemapXml([], now, site);
    expect(new XMLParser().parse(xml).urlset.url).toEqual({ loc: 'https://news.example/' });
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
  });

  it('drops characters XML cannot hold from a hostile title, and stays valid', async () => {
    const xml = newsSitemapXml(
      [
        article({
          url: '/world/fresh',
          date: '2026-11-27T13:00:00.000Z',
          title: 'Bell\u0007 and \u0000null ]]> <script>&amp; \uD800lone \uFFFF end',
        }),
      ],
      now,
      { name: 'Masthead & <Sons>', url: 'https://news.example' },
    );
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
    const news = new XMLParser().parse(xml).urlset.url['news:news'];
    expect(news['news:title']).toBe('Bell and null ]]> <script>&amp; lone  end');
    expect(news['news:publication']['news:name']).toBe('Masthead & <Sons>');
  });
});
