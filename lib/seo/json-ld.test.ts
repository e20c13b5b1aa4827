import { dateModified } from '@/lib/content/listings/modified';
import { article, author, section } from '@/test/support/seo-fixtures';
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd, webSiteJsonLd } from './json-ld';

const site = { name: 'Masthead', url: 'https://news.example', logo: '/logo.png' };

describe('JSON-LD', () => {
  it('describes an article as a NewsArticle', () => {
    const data = newsArticleJsonLd(article(), section, [author], site);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Kim writes to Putin & friends <again>',
      description: 'A letter about "blood, life and death".',
      datePublished: '2026-01-02T07:15:00.000Z',
      dateModified: '2026-01-03T10:00:00.000Z',
      author: [
        { '@type': 'Person', name: 'Omar El Sayed', url: 'https://news.example/authors/omar' },
      ],
      publisher: {
        '@type': 'Organization',
        name: 'Masthead',
        logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png' },
      },
      image: ['https://news.example/world/kim-letter/opengraph-image'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/world/kim-letter' },
      articleSection: 'World',
      keywords: ['north-korea', 'russia'],
    });
  });

  it('uses the hero image when there is one, and the later date as modified', () => {
    const data = newsArticleJsonLd(
      article({ image: { src: '/images/k.jpg', alt: 'k' }, updated: undefined }),
      section,
      [author],
      site,
    );
    expect(data).toMatchObject({
      image: ['https://news.example/images/k.jpg'],
      dateModified: '2026-01-02T07:15:00.000Z',
    });
    expect(dateModified(article({ updated: '2025-01-01T00:00:00.000Z' }))).toBe(
      '2026-01-02T07:15:00.000Z',
    );
  });

  it('numbers breadcrumbs from 1 with absolute URLs', () => {
    const data = breadcrumbJsonLd(
      [
        { name: 'Home', href: '/' },
        { name: 'World', href: '/world' },
      ],
      site.url,
    );
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example/' },
      { '@type': 'ListItem', position: 2, name: 'World', item: 'https://news.example/world' },
    ]);
  });

  it('offers site search', () => {
    expect(webSiteJsonLd(site).potentialAction).toMatchObject({
      '@type': 'SearchAction',
      target: { urlTemplate: 'https://news.example/search?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    });
  });

  it('cannot be broken out of its script element', () => {
    expect(serializeJsonLd({ headline: '</script><script>alert(1)</script>' })).not.toContain(
      '</script>',
    );
  });
});
