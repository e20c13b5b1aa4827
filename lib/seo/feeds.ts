import { Feed } from 'feed';
import type { ArticleMeta, AuthorMeta } from '@/lib/content/schema/types';
import { dateModified } from '@/lib/content/listings/modified';
import { latestOf } from '@/lib/content/schema/dates';
import { isAtomId } from './feed-id';
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

/**
 * What feed readers know a story by: the old site's GUID when it came from there, so readers who
 * followed that site do not see the archive again as new; otherwise its address here, which
 * never changes (the slug is the file name). RSS takes any GUID; Atom only one that is an IRI.
 */
export function feedId(input: Pick<FeedInput, 'siteUrl'>, article: ArticleMeta, atom = false) {
  if (article.guid !== undefined && (!atom || isAtomId(article.guid))) return article.guid;
  return absoluteUrl(article.url, input.siteUrl);
}

/** RSS 2.0 and Atom through the `feed` library, which handles the XML and its escaping. */
function xmlFeed(input: FeedInput): Feed {
  const updated = latestOf(input.articles.map(dateModified));
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
      // RSS writes `guid` as <guid isPermaLink="false">; Atom writes `id` as <id>.
      id: feedId(input, article, true),
      guid: feedId(input, article),
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
      id: feedId(input, article),
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
