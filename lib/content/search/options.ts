import type { Options, SearchOptions } from 'minisearch';
import type { RateLimit } from '../../security/rate-limit';
import { STOPWORDS } from '../mdx/text';

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
  // Words like "the" match nearly everything: dropping them keeps the index small and queries fast.
  processTerm: (term) => {
    const lower = term.toLowerCase();
    return STOPWORDS.has(lower) ? null : lower;
  },
};

/** Words of a query that forgive a typo; measured in BENCHMARKS.md (search at 10,000 articles). */
export const FUZZY_WORDS = 3;

export const SEARCH_QUERY_OPTIONS: SearchOptions = {
  boost: { title: 3, tags: 2, dek: 2 },
  // Typo tolerance: one edit in words of five letters or more ("ukrane" finds "ukraine");
  // shorter words are too easily something else. It is the costly part of a search (every
  // indexed word one edit away is looked up too), so only the first FUZZY_WORDS words have it.
  fuzzy: (term, i) => (i < FUZZY_WORDS && term.length >= 5 ? 1 : false),
  // The last word may be unfinished ("sanct" finds "sanctions").
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  combineWith: 'AND',
};

/**
 * A search is rendered for each request (tens of milliseconds at 10,000 articles, BENCHMARKS.md),
 * so one network may run 60 at once and then one a second: far more than a person searches,
 * even an office sharing one address, and the same for the parallel e2e suite; a script from
 * one network gets a second of the server's time per second at most.
 */
export const SEARCH_RATE: RateLimit = { burst: 60, perSecond: 1, maxKeys: 10_000 };
