// Related ranking and search on a synthetic 10,000-article newsroom.
//   npx tsx bench/discovery.ts [N] [--search-only] [--budget B[,B…]]
// Times rankRelated over all N articles (the build step; skipped with --search-only), then
// builds the search index the way the build does, reloads it from JSON the way the site does,
// and times 300 queries through MiniSearch plus snippet building, as /search runs them; then
// the most expensive query the caps allow against those ordinary ones (bench/search-cost.ts),
// for each search budget given (SEARCH_BUDGET by default) on the same index.
import MiniSearch, { type SearchOptions } from 'minisearch';
import { rankRelated } from '../lib/content/related/rank';
import {
  EXCERPT_LENGTH,
  SEARCH_INDEX_OPTIONS,
  type SearchDoc,
} from '../lib/content/search/options';
import { SEARCH_BUDGET } from '../lib/content/search/plan';
import { rng, syntheticCorpus, zipf } from './corpus';
import { dearestAllowed, dearestUncapped, medianMs, runSearch, runUncapped } from './search-cost';

const args = process.argv.slice(2);
const n = Number(args[0] && /^\d+$/.test(args[0]) ? args[0] : 10_000);
const searchOnly = args.includes('--search-only');
const budgetArg = args[args.indexOf('--budget') + 1];
const budgets = args.includes('--budget')
  ? (budgetArg ?? '').split(',').map(Number)
  : [SEARCH_BUDGET];
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
// ru_maxrss, in KiB: the process's peak resident memory so far.
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const corpus = syntheticCorpus(n);
const baseRss = process.memoryUsage().rss;

let t = performance.now();
const related = searchOnly
  ? new Map<string, string[]>()
  : rankRelated(
      corpus.map((a) => ({
        slug: a.slug,
        section: a.section,
        tags: a.tags,
        date: a.date,
        text: `${a.title} ${a.dek} ${a.body}`,
      })),
      { limit: 4 },
    );
const relatedSeconds = (performance.now() - t) / 1000;
const relatedPeak = peakRss();
const sizes = [...related.values()].map((r) => r.length);

t = performance.now();
const index = new MiniSearch<SearchDoc>(SEARCH_INDEX_OPTIONS);
for (const a of corpus) {
  index.add({
    id: a.slug,
    title: a.title,
    dek: a.dek,
    text: a.body,
    tags: a.tags.join(' '),
    section: a.section,
    excerpt: a.body.slice(0, EXCERPT_LENGTH),
  });
}
const json = JSON.stringify(index);
const buildSeconds = (performance.now() - t) / 1000;
t = performance.now();
const loaded = MiniSearch.loadJSON<SearchDoc>(json, SEARCH_INDEX_OPTIONS);
const loadSeconds = (performance.now() - t) / 1000;

// Queries: one to three words picked as readers would (common and rare), a third with a typo.
const random = rng(7);
const words = corpus.slice(0, 500).flatMap((a) => a.title.split(' '));
const queries = Array.from({ length: 300 }, (_, i) => {
  const picked = Array.from({ length: 1 + (i % 3) }, () => words[zipf(random, words.length)]!);
  if (i % 3 === 0) picked[0] = picked[0]!.slice(0, -1) + 'x';
  return picked.join(' ');
});
const section3: SearchOptions = { filter: (r) => r.section === 'section-3' };
const ordinary = (q: string, i: number, budget: number) =>
  runSearch(loaded, q, i % 4 === 0 ? section3 : {}, budget);

// The worst cases: built from the commonest words, whose posting lists are longest.
const counts = new Map<string, number>();
for (const a of corpus.slice(0, 1_000)) {
  for (const token of `${a.title} ${a.body}`.split(/[\s\p{P}]+/u)) {
    const term = SEARCH_INDEX_OPTIONS.processTerm!(token);
    if (typeof term === 'string') counts.set(term, (counts.get(term) ?? 0) + 1);
  }
}
const common = [...counts].sort((a, b) => b[1] - a[1]).map(([term]) => term);
const candidates = common.slice(0, 400);

/**
 * Each ordinary query three times, its median kept, and the worst query every tenth, so both
 * meet the same load: the machine's other work moves single timings a lot (every thirtieth
 * moved the ratio between 2.5 and 6 from run to run).
 */
function measure(run: (q: string, i: number) => unknown, dearest: string) {
  const dear: number[] = [];
  const times = queries.map((q, i) => {
    if (i % 10 === 0) dear.push(medianMs(() => run(dearest, 1), 3));
    return medianMs(() => run(q, i), 3);
  });
  times.sort((a, b) => a - b);
  dear.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const mean = times.reduce((sum, x) => sum + x, 0) / times.length;
  const worstMs = dear[Math.floor(dear.length / 2)]!;
  const ms = (x: number) => Number(x.toFixed(1));
  return {
    p50ms: ms(pct(0.5)),
    p95ms: ms(pct(0.95)),
    maxMs: ms(times.at(-1)!),
    meanMs: Number(mean.toFixed(2)),
    worstMs: ms(worstMs),
    worstInOrdinarySearches: Number((worstMs / mean).toFixed(2)),
  };
}
const capped = budgets.map((budget) => {
  const worst = dearestAllowed(loaded, candidates, budget);
  return {
    budget,
    queriesWithResults: queries.filter((q, i) => ordinary(q, i, budget) > 0).length,
    ...measure((q, i) => ordinary(q, i, budget), worst),
    worstQuery: worst,
  };
});
const uncapped = dearestUncapped(loaded, candidates);
const before = measure((q) => runUncapped(loaded, q), uncapped);

console.log(
  JSON.stringify(
    {
      articles: n,
      related: {
        seconds: Number(relatedSeconds.toFixed(1)),
        peakRssMiB: mib(relatedPeak),
        corpusRssMiB: mib(baseRss),
        averagePicks: Number((sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(2)),
      },
      search: {
        indexBuildSeconds: Number(buildSeconds.toFixed(1)),
        indexJsonMiB: mib(json.length),
        loadSeconds: Number(loadSeconds.toFixed(2)),
        queries: queries.length,
        budgets: capped,
      },
      beforeTheCaps: { ...before, worstQuery: uncapped },
      peakRssMiB: mib(peakRss()),
    },
    null,
    2,
  ),
);
