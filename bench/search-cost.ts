// The most expensive searches a reader can send, found by measuring, for bench/discovery.ts.
// MiniSearch looks each word up on its own and only then combines the results, so a query
// costs the sum of its words: the dearest query the caps allow is the dearest typo-tolerant (or
// corrected) word in each of the first FUZZY_WORDS places, the dearest exact words after them,
// and the dearest unfinished word last.
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { FUZZY_WORDS, SEARCH_QUERY_OPTIONS, type SearchDoc } from '../lib/content/search/options';
import { planSearch, SEARCH_BUDGET } from '../lib/content/search/plan';
import { MAX_QUERY_LENGTH, MAX_SEARCH_WORDS, parseSearchQuery } from '../lib/content/search/query';
import { snippet } from '../lib/content/search/snippet';

type Index = MiniSearch<SearchDoc>;

/** The options before issue 17: typo tolerance for every word, whatever the count. */
export const UNCAPPED_OPTIONS: SearchOptions = {
  ...SEARCH_QUERY_OPTIONS,
  fuzzy: (term) => (term.length >= 5 ? 1 : false),
};

/** One search as /search runs it: the capped words, then the snippets of the first 20. */
export function runSearch(
  index: Index,
  query: string,
  options: SearchOptions = {},
  budget = SEARCH_BUDGET,
): number {
  const asked = parseSearchQuery(query);
  if (asked.words.length === 0) return 0;
  const { words, options: planned } = planSearch(index, asked, budget);
  const results = index.search(words.join(' '), { ...planned, ...options });
  for (const r of results.slice(0, 20)) snippet(String(r.excerpt), r.terms);
  return results.length;
}

/** One search as /search ran it before the caps: the raw 200 characters, every word forgiving. */
export function runUncapped(index: Index, query: string): number {
  const results = index.search(query.slice(0, MAX_QUERY_LENGTH), UNCAPPED_OPTIONS);
  for (const r of results.slice(0, 20)) snippet(String(r.excerpt), r.terms);
  return results.length;
}

/** The median of `runs` timings of `fn`, in ms. */
export function medianMs(fn: () => unknown, runs: number): number {
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const dearestBy = (
  index: Index,
  candidates: string[],
  options: (term: string) => SearchOptions,
  n: number,
) => {
  // Each measured once, then the dearest few again, for a median less moved by chance.
  const once = candidates
    .map((term) => ({ term, ms: medianMs(() => index.search(term, options(term)), 1) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n + 10);
  return once
    .map(({ term }) => ({ term, ms: medianMs(() => index.search(term, options(term)), 3) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n)
    .map((c) => c.term);
};
const dearest = (index: Index, candidates: string[], options: SearchOptions, n: number) =>
  dearestBy(index, candidates, () => options, n);

/**
 * A misspelling of `word` that no article has and that the plan corrects back to `word` (its
 * last letter changed), or undefined when every such change is a word of the corpus.
 */
function typoOf(index: Index, word: string, budget: number): string | undefined {
  for (const letter of 'qxzjwvy') {
    const typo = word.slice(0, -1) + letter;
    if (typo === word) continue;
    const plan = planSearch(index, { words: [typo], leftOut: [] }, budget);
    if (plan.corrections[0]?.searched === word) return typo;
  }
  return undefined;
}

/**
 * The costliest query under the caps with `budget`, built from the `candidates` words each
 * measured alone (the commonest words of the corpus, whose posting lists are longest, and the
 * beginnings of them). Two shapes compete: the dearest typo-tolerant words first, and
 * misspellings of the commonest words, each corrected back to the word; both are measured,
 * with and without the dearest exact words, and the dearest kept.
 */
export function dearestAllowed(index: Index, candidates: string[], budget = SEARCH_BUDGET) {
  const words = [...new Set(candidates)].slice(0, 150);
  const long = words.filter((w) => w.length >= 5);
  const fuzzy = { ...SEARCH_QUERY_OPTIONS, fuzzy: 1, prefix: false };
  const exact = { ...SEARCH_QUERY_OPTIONS, fuzzy: false, prefix: false };
  const forgiving = dearest(index, long, fuzzy, FUZZY_WORDS);
  const plain = dearest(
    index,
    words.filter((w) => !forgiving.includes(w)),
    exact,
    MAX_SEARCH_WORDS - FUZZY_WORDS - 1,
  );
  // The last word: a beginning of 3 to 6 letters, completed as far as the budget lets it.
  const stems = [...new Set(words.flatMap((w) => [3, 4, 5, 6].map((n) => w.slice(0, n))))];
  const bounded = (stem: string) =>
    planSearch(index, { words: [stem], leftOut: [] }, budget).options;
  const [unfinished] = dearestBy(index, stems, bounded, 1);
  // Misspellings of the commonest words, corrected back to them: dearest first.
  const typos = long.flatMap((w) => typoOf(index, w, budget) ?? []).slice(0, 40);
  const corrected = typos
    .map((typo) => ({ typo, ms: medianMs(() => runSearch(index, typo, {}, budget), 3) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, FUZZY_WORDS)
    .map((c) => c.typo);
  const shapes = [
    [...forgiving, ...plain, unfinished],
    [...corrected, ...plain, unfinished],
    [...corrected, unfinished],
    [...corrected, ...forgiving, unfinished],
  ].map((shape) => shape.join(' '));
  return shapes
    .map((q) => ({ q, ms: medianMs(() => runSearch(index, q, {}, budget), 5) }))
    .sort((a, b) => b.ms - a.ms)[0]!.q;
}

/** The costliest 200 characters before the caps, from the same `candidates`. */
export function dearestUncapped(index: Index, candidates: string[]) {
  const words = [...new Set(candidates)].slice(0, 150);
  const long = words.filter((w) => w.length >= 5);
  const fuzzy = { ...SEARCH_QUERY_OPTIONS, fuzzy: 1, prefix: false };
  // Before the caps every word of five letters or more forgave a typo, as many as fit in 200
  // characters, and the last word was completed however far it reached.
  // Unbounded, a dense beginning takes a second or more: the commonest words' suffice.
  const unboundedStem = dearest(
    index,
    [...new Set(words.slice(0, 30).map((w) => w.slice(0, 3)))],
    { ...SEARCH_QUERY_OPTIONS, fuzzy: false, prefix: true },
    1,
  )[0]!;
  const before: string[] = [];
  for (const w of dearest(index, long, fuzzy, 40)) {
    if ([...before, w, unboundedStem].join(' ').length > MAX_QUERY_LENGTH) break;
    before.push(w);
  }
  return [...before, unboundedStem].join(' ');
}
