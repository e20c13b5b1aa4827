import { SEARCH_INDEX_OPTIONS } from './options';

/** Longer than any search a person types; the box says so by cutting what is pasted into it. */
export const MAX_QUERY_LENGTH = 200;
/** Words one search looks up; each costs a walk of the index, so the count is the cost. */
export const MAX_SEARCH_WORDS = 8;

// How MiniSearch splits text (its default tokenizer), so the words counted here are the words
// it looks up. Control and format characters (tabs, zero-width joiners, bidi overrides) split too:
// they are never part of an indexed word.
const SEPARATORS = /[\n\r\p{Z}\p{P}\p{Cc}\p{Cf}]+/u;

export type SearchQuery = {
  /** The words searched for, lower-cased, in the order typed, each once. */
  words: string[];
  /** Words typed past the limit, which were not searched for. */
  leftOut: string[];
};

/**
 * The words a reader's query searches for. Function words are dropped as the index drops them,
 * a repeated word counts once, and past MAX_SEARCH_WORDS the rest are left out (and the page
 * says so), which bounds what one request can cost whatever is typed.
 */
export function parseSearchQuery(raw: string): SearchQuery {
  const processTerm = SEARCH_INDEX_OPTIONS.processTerm!;
  const words: string[] = [];
  for (const token of raw.slice(0, MAX_QUERY_LENGTH).split(SEPARATORS)) {
    const processed = token ? processTerm(token) : null;
    const word = typeof processed === 'string' ? processed : undefined;
    if (word && !words.includes(word)) words.push(word);
  }
  return { words: words.slice(0, MAX_SEARCH_WORDS), leftOut: words.slice(MAX_SEARCH_WORDS) };
}
