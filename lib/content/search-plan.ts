import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { FUZZY_WORDS, SEARCH_QUERY_OPTIONS, type SearchDoc } from './search-options';
import type { SearchQuery } from './search-query';

/**
 * What one search may cost, in places read (a word in one field of one article). MiniSearch
 * reads every place of every word it looks up before it combines them, so the places are the
 * cost. At 10,000 articles the dearest query this allows takes 6 ordinary searches' time, no
 * more than the dearest ordinary one; 20,000 took 8.8 (BENCHMARKS.md). Lower would keep typos in
 * the commonest words from being forgiven.
 */
export const SEARCH_BUDGET = 10_000;
/**
 * A place reached through a typo or a completion costs about five times one of an exact word:
 * each such word is scored apart and merged in (measured, BENCHMARKS.md).
 */
export const EXPANDED_WEIGHT = 5;

export type SearchPlan = SearchQuery & { options: SearchOptions };

/**
 * How a query is searched within SEARCH_BUDGET: its words as typed while their places fit (the
 * first always; the page says which were left out), then typo tolerance for the first
 * FUZZY_WORDS words, then the last word completed, each while the budget lasts. An ordinary
 * query fits whole; a query of the commonest words loses its extras first.
 */
export function planSearch(
  index: MiniSearch<SearchDoc>,
  { words, leftOut }: SearchQuery,
  budget = SEARCH_BUDGET,
): SearchPlan {
  // MiniSearch keeps its words in a radix tree it leaves open to subclasses (`_index`,
  // protected); the index is loaded from JSON as a plain MiniSearch, so it is read by name.
  const tree = index['_index'];
  let cost = 0;
  const kept: string[] = [];
  for (const word of words) {
    const exact = places(tree.get(word));
    if (kept.length > 0 && cost + exact > budget) break;
    kept.push(word);
    cost += exact;
  }
  const fuzzy = new Set<number>();
  for (const [i, word] of kept.entries()) {
    if (i >= FUZZY_WORDS || word.length < 5) continue;
    let extra = 0;
    for (const [data, distance] of tree.fuzzyGet(word, 1).values()) {
      if (distance > 0) extra += places(data) * EXPANDED_WEIGHT;
    }
    if (cost + extra > budget) continue;
    fuzzy.add(i);
    cost += extra;
  }
  const last = kept.length - 1;
  const unfinished = kept[last];
  let prefix = false;
  if (unfinished && unfinished.length >= 3) {
    let extra = 0;
    // Counted only to just past the budget, so counting costs no more than searching would.
    for (const [term, data] of tree.atPrefix(unfinished)) {
      if (term !== unfinished) extra += places(data) * EXPANDED_WEIGHT;
      if (cost + extra > budget) break;
    }
    prefix = cost + extra <= budget;
  }
  return {
    words: kept,
    leftOut: [...words.slice(kept.length), ...leftOut],
    options: {
      ...SEARCH_QUERY_OPTIONS,
      fuzzy: (_term, i) => (fuzzy.has(i) ? 1 : false),
      prefix: (_term, i) => prefix && i === last,
    },
  };
}

const places = (data: Map<number, Map<number, number>> | undefined) => {
  let total = 0;
  for (const documents of data?.values() ?? []) total += documents.size;
  return total;
};
