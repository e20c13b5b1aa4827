import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { FUZZY_WORDS, SEARCH_QUERY_OPTIONS, type SearchDoc } from './options';
import type { SearchQuery } from './query';

/**
 * What one search may cost, in places read (a word in one field of one article). MiniSearch
 * reads every place of every word it looks up before it combines them, so the places are the
 * cost. At 10,000 articles the dearest query this allows takes 4.3 ordinary searches' time and
 * 185 of 300 ordinary queries find something (186 with no bound at all); 10,000 took 5.1, 5,000
 * lost 2 more queries' results without being cheaper, since the dearest query is then the
 * commonest word alone (BENCHMARKS.md, the cost of one search).
 */
export const SEARCH_BUDGET = 6_000;
/**
 * A place reached through a typo or a completion costs about five times one of an exact word:
 * each such word is scored apart and merged in (measured, BENCHMARKS.md).
 */
export const EXPANDED_WEIGHT = 5;

/** A misspelt word the search replaced by the word it was most likely meant to be. */
export type SearchCorrection = { typed: string; searched: string };

export type SearchPlan = SearchQuery & { options: SearchOptions; corrections: SearchCorrection[] };

// A correction is shown on the page, so it is only ever a word of letters, marks and digits:
// an indexed word that carries a control or format character (a bidi override, a zero-width
// joiner: the index splits on neither) is never offered as what the reader meant.
const PRINTABLE_WORD = /^[\p{L}\p{M}\p{N}]+$/u;

/**
 * How a query is searched within SEARCH_BUDGET: its words as typed while their places fit (the
 * first always; the page says which were left out), then typo tolerance for the first
 * FUZZY_WORDS words, then the last word completed, each while the budget lasts. An ordinary
 * query fits whole; a query of the commonest words loses its extras first.
 *
 * A misspelt word whose neighbours are too common to expand within the budget is corrected
 * instead, as search engines do: when no article has the word as typed, its neighbour one edit
 * away found in most places is searched as an exact word, at a fifth of the expansion's cost
 * (the page says "Showing results for").
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
  const found: number[] = [];
  for (const word of words) {
    const exact = places(tree.get(word));
    if (kept.length > 0 && cost + exact > budget) break;
    kept.push(word);
    found.push(exact);
    cost += exact;
  }
  const fuzzy = new Set<number>();
  const corrections: SearchCorrection[] = [];
  for (const [i, word] of kept.entries()) {
    if (i >= FUZZY_WORDS || word.length < 5) continue;
    let extra = 0;
    let best: { term: string; places: number } | undefined;
    for (const [term, [data, distance]] of tree.fuzzyGet(word, 1)) {
      if (distance === 0) continue;
      const reached = places(data);
      extra += reached * EXPANDED_WEIGHT;
      if (PRINTABLE_WORD.test(term) && reached > (best?.places ?? 0))
        best = { term, places: reached };
    }
    if (cost + extra <= budget) {
      fuzzy.add(i);
      cost += extra;
    } else if (best && found[i] === 0 && cost + best.places <= budget) {
      kept[i] = best.term;
      corrections.push({ typed: word, searched: best.term });
      cost += best.places;
    }
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
    corrections,
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
