import { Feed } from 'feed';
import type { ArticleMeta, AuthorMeta } from '@/lib/content/schema/types';
import { dateModified } from '@/lib/content/listings/modified';
import { absoluteUrl } from './urls';

export type FeedInput = {
  title: string;
  description: string;
  siteUrl: string;
  /** The page the feed follows, e.g. "/" or "/world". */
  homePath: string;
  /** Where this feed family lives: `${base}/feed.xml`, `/atom.xml`, `/feed.json`. */
  feedPaths: { rss: string; atom?: string; json?: string };
  articles: ArticleMeta[];
  authors: Map<string, AuthorMeta>;
  sectionNames: Map<string, string>;
};

const url = (input: FeedInput, pathname: string) => absoluteUrl(pathname, input.siteUrl);

function categories(input: FeedInput, article: ArticleMeta): string[] {
  return [input.sectionNames.get(article.section) ?? article.section, ...article.tags];
}

function authorsOf(input: FeedInput, article: ArticleMeta) {
  return article.authorIds.flatMap((id) => {
    const author = input.authors.get(id);
    return author ? [{ name: author.name, link: url(input, author.url) }] : [];
  });
}

/** RSS 2.0 and Atom through the `feed` library, which handles the XML and its escaping. */
function xmlFeed(input: FeedInput): Feed {
  const updated = input.articles.map(dateModified).sort().at(-1);
  const feed = new Feed({
    title: input.title,
    description: input.description,
    id: url(input, input.homePath),
    link: url(input, input.homePath),
    language: 'en',
    image: url(input, '/logo.png'),
    favicon: url(input, '/icon.png'),
    copyright: `© ${input.title}`,
    updated: updated ? new Date(updated) : new Date(0),
    generator: 'Masthead',
    feedLinks: {
      rss: url(input, input.feedPaths.rss),
      ...(input.feedPaths.atom ? { atom: url(input, input.feedPaths.atom) } : {}),
      ...(input.feedPaths.json ? { json: url(input, input.feedPaths.json) } : {}),
    },
  });
  for (const article of input.articles) {
    feed.addItem({
      title: article.title,
      id: url(input, article.url),
      link: url(input, article.url),
      description: article.dek,
      date: new Date(dateModified(article)),
      published: new Date(article.date),
      author: authorsOf(input, article),
      category: categories(input, article).map((name) => ({ name })),
      ...(article.image ? { image: url(input, article.image.src) } : {}),
    });
  }
  return feed;
}

export const rssFeed = (input: FeedInput) => xmlFeed(input).rss2();
export const atomFeed = (input: FeedInput) => xmlFeed(input).atom1();

/**
 * JSON Feed 1.1, built directly: it is plain JSON, and the `feed` library only writes version 1.
 */
export function jsonFeed(input: FeedInput) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: input.title,
    home_page_url: url(input, input.homePath),
    feed_url: url(input, input.feedPaths.json ?? input.feedPaths.rss),
    description: input.description,
    icon: url(input, '/logo.png'),
    favicon: url(input, '/icon.png'),
    language: 'en',
    items: input.articles.map((article) => ({
      id: url(input, article.url),
      url: url(input, article.url),
      title: article.title,
      summary: article.dek,
      content_text: article.dek,
      date_published: article.date,
      date_modified: dateModified(article),
      authors: authorsOf(input, article).map((a) => ({ name: a.name, url: a.link })),
      tags: categories(input, article),
      ...(article.image ? { image: url(input, article.image.src) } : {}),
    })),
  };
}
