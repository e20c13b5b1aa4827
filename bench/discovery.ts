// Related ranking and search on a synthetic 10,000-article newsroom.
//   npx tsx bench/discovery.ts [N]
// Times rankRelated over all N articles (the build step), then builds the search index the
// way the build does, reloads it from JSON the way the site does, and times 300 queries through
// MiniSearch plus snippet building, as /search runs them.
import MiniSearch from 'minisearch';
import { rankRelated } from '../lib/content/related';
import {
  EXCERPT_LENGTH,
  SEARCH_INDEX_OPTIONS,
  SEARCH_QUERY_OPTIONS,
  type SearchDoc,
} from '../lib/content/search-options';
import { snippet } from '../lib/content/snippet';
import { rng, syntheticCorpus, zipf } from './corpus';

const n = Number(process.argv[2] ?? 10_000);
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
// ru_maxrss, in KiB: the process's peak resident memory so far.
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const corpus = syntheticCorpus(n);
const baseRss = process.memoryUsage().rss;

let t = performance.now();
const related = rankRelated(
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
const times: number[] = [];
let hits = 0;
for (const [i, q] of queries.entries()) {
  const started = performance.now();
  const results = loaded.search(q, {
    ...SEARCH_QUERY_OPTIONS,
    ...(i % 4 === 0 ? { filter: (r) => r.section === 'section-3' } : {}),
  });
  for (const r of results.slice(0, 20)) snippet(String(r.excerpt), r.terms);
  times.push(performance.now() - started);
  hits += results.length > 0 ? 1 : 0;
}
times.sort((a, b) => a - b);
const pct = (p: number) =>
  times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);

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
        queriesWithResults: hits,
        p50ms: Number(pct(0.5)),
        p95ms: Number(pct(0.95)),
        maxMs: Number(times.at(-1)!.toFixed(1)),
      },
      peakRssMiB: mib(peakRss()),
    },
    null,
    2,
  ),
);
