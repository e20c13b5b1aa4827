import MiniSearch from 'minisearch';
import { EXCERPT_LENGTH, SEARCH_INDEX_OPTIONS, type SearchDoc } from '../search/options';

/** What a version changes in the search index: replayed by servers on the index they hold. */
export type SearchChanges = { removed: string[]; added: SearchDoc[] };

type Searchable = { slug: string; title: string; dek: string; tags: string[]; section: string };

/**
 * An article as search sees it. Scheduled articles are indexed too and left out of results
 * until they are live, so they appear in search at their time without a new index.
 */
export function searchDoc(article: Searchable, text: string): SearchDoc {
  return {
    id: article.slug,
    title: article.title,
    dek: article.dek,
    text,
    tags: article.tags.join(' '),
    section: article.section,
    excerpt: text.slice(0, EXCERPT_LENGTH),
  };
}

export const newSearchIndex = () => new MiniSearch<SearchDoc>(SEARCH_INDEX_OPTIONS);

export function fullSearchIndex(docs: SearchDoc[]): string {
  const index = newSearchIndex();
  index.addAll(docs);
  return JSON.stringify(index);
}

/**
 * The search document of an article from its frontmatter as written, for indexing while the
 * build is still compiling; a build whose frontmatter turns out wrong writes nothing anyway.
 * Drafts are not indexed.
 */
export function searchDocOfRaw(slug: string, data: Record<string, unknown>, text: string) {
  if (data.draft === true) return undefined;
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const tags = Array.isArray(data.tags) ? data.tags.filter((t) => typeof t === 'string') : [];
  return searchDoc(
    { slug, title: str(data.title), dek: str(data.dek), tags, section: str(data.section) },
    text,
  );
}
