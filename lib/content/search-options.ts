import type { Options, SearchOptions } from 'minisearch';

/** One document of the search index: an article's words, and what a result shows. */
export type SearchDoc = {
  id: string;
  title: string;
  dek: string;
  text: string;
  tags: string;
  section: string;
  /** The opening of the body, for snippets; the whole body is indexed but not stored. */
  excerpt: string;
};

export const EXCERPT_LENGTH = 1_200;

/** Shared by the build that writes the index and the page that loads it; they must agree. */
export const SEARCH_INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'dek', 'text', 'tags'],
  storeFields: ['section', 'excerpt'],
};

export const SEARCH_QUERY_OPTIONS: SearchOptions = {
  boost: { title: 3, tags: 2, dek: 2 },
  // Typo tolerance: one edit in five letters; "ukrane" finds "ukraine".
  fuzzy: 0.2,
  prefix: true,
  combineWith: 'AND',
};
