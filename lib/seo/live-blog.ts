import type { BlogPosting, LiveBlogPosting, WithContext } from 'schema-dts';
import { entryHrefs } from '@/lib/content/live/arrange';
import { byNewestEntry } from '@/lib/content/live/live-blog';
import { TEXT_KEPT } from '@/lib/content/mdx/live-entries';
import { formatDateTime, newerFirst } from '@/lib/content/schema/dates';
import type {
  ArticleMeta,
  AuthorMeta,
  LiveBlog,
  LiveEntry,
  SectionMeta,
} from '@/lib/content/schema/types';
import { articleProperties, type Site } from './json-ld';
import { absoluteUrl } from './urls';

/** How many of the newest entries the structured data lists: those whose words the index keeps. */
export const LIVE_BLOG_UPDATES = TEXT_KEPT;

/** Google shows at most 110 characters of a headline. */
const HEADLINE_MAX = 110;

const clip = (text: string) =>
  text.length <= HEADLINE_MAX ? text : `${text.slice(0, HEADLINE_MAX - 1).trimEnd()}…`;

/** An entry's headline: its title, else its first words, else its time. */
function headlineOf(entry: LiveEntry): string {
  if (entry.title) return clip(entry.title);
  if (entry.text) return clip(entry.text);
  return `Update, ${formatDateTime(entry.time)}`;
}

/**
 * A live story as search engines read one (schema.org's LiveBlogPosting): the article's own
 * properties, when coverage started (its publication, or an earlier first entry) and ended, and
 * the newest entries as BlogPostings, each at the address of the page it is on now.
 */
export function liveBlogJsonLd(
  article: ArticleMeta & { liveBlog: LiveBlog },
  section: SectionMeta,
  authors: AuthorMeta[],
  site: Site,
  pageSize: number,
): WithContext<LiveBlogPosting> {
  const entries = [...article.liveBlog.entries].sort(byNewestEntry);
  const first = entries.at(-1);
  const hrefs = entryHrefs(article, pageSize);
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    ...articleProperties(article, section, authors, site),
    coverageStartTime:
      first && newerFirst(first.time, article.date) > 0 ? first.time : article.date,
    ...(article.liveBlog.ended ? { coverageEndTime: article.liveBlog.ended } : {}),
    liveBlogUpdate: entries.slice(0, LIVE_BLOG_UPDATES).map((entry): BlogPosting => ({
      '@type': 'BlogPosting',
      headline: headlineOf(entry),
      datePublished: entry.time,
      url: absoluteUrl(hrefs.get(entry.id) ?? `${article.url}#${entry.id}`, site.url),
      ...(entry.text ? { articleBody: entry.text } : {}),
    })),
  };
}
