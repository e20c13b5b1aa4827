import MiniSearch from 'minisearch';
import { EXCERPT_LENGTH, SEARCH_INDEX_OPTIONS, type SearchDoc } from '../search-options';

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

export function fullSearchIndex(docs: SearchDoc[]): string {
  const index = new MiniSearch<SearchDoc>(SEARCH_INDEX_OPTIONS);
  index.addAll(docs);
  return JSON.stringify(index);
}
