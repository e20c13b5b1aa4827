// What the proxy's knowledge of the site costs at 10,000 articles: the whole content index
// (index.json) against the routes file the content build writes beside it (routes.json).
//   node --expose-gc --import tsx bench/routes-file.ts [--articles 10000]
// Builds a synthetic newsroom's index in memory (bench/corpus.ts: 20 sections, 2,000 topics,
// 50 authors, 1% drafts), writes both files to bench/.scratch/routes-file, then for each: its
// size, the time to read, parse and build the proxy's table (median of 7), the heap the parsed
// file takes while it is read, and the heap the table keeps. Then the time of one route decision over a mix of real and invented paths.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleMeta, ContentIndex } from '../lib/content/schema/types';
import { decideRoute } from '../lib/routing/decide';
import { routeTable, type RouteTable } from '../lib/routing/route-table';
import { routesFile, type RoutesFile } from '../lib/routing/routes-file';
import { rng, syntheticCorpus } from './corpus';

const { values: args } = parseArgs({ options: { articles: { type: 'string' } } });
const count = Number(args.articles ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx');

const random = rng(7);
const authors = Array.from({ length: 50 }, (_, i) => `author-${i}`);
const corpus = syntheticCorpus(count);
const articles: ArticleMeta[] = corpus.map((a) => ({
  slug: a.slug,
  section: a.section,
  url: `/${a.section}/${a.slug}`,
  title: a.title,
  dek: a.dek,
  date: a.date,
  authorIds: [authors[Math.floor(random() * authors.length)]!],
  tags: a.tags,
  draft: random() < 0.01,
  corrections: [],
  related: Array.from({ length: 4 }, () => `article-${Math.floor(random() * count)}`),
  readingMinutes: 5,
  toc: Array.from({ length: 4 }, (_, i) => ({ id: `heading-${i}`, text: a.title.slice(0, 40) })),
  sourcePath: `content/articles/${a.slug}.mdx`,
  body: a.slug,
}));
const index: ContentIndex = {
  articles,
  // A compiled MDX bio is a few kilobytes of JavaScript.
  authors: authors.map((id) => ({
    id,
    name: id,
    url: `/authors/${id}`,
    bioCode: 'x'.repeat(3000),
  })),
  sections: Array.from({ length: 20 }, (_, i) => ({
    id: `section-${i}`,
    name: `Section ${i}`,
    description: 'Reporting.',
    order: i,
    url: `/section-${i}`,
  })),
};

const dir = path.join(import.meta.dirname, '.scratch', 'routes-file');
mkdirSync(dir, { recursive: true });
const files = {
  'index.json': JSON.stringify(index),
  'routes.json': JSON.stringify(routesFile(index)),
};
for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);

const now = Date.now();
const load: Record<string, () => RouteTable> = {
  // Reading the whole index, the proxy would derive the same table from it.
  'index.json': () =>
    routeTable(
      routesFile(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as ContentIndex),
      now,
      20,
    ),
  'routes.json': () =>
    routeTable(
      JSON.parse(readFileSync(path.join(dir, 'routes.json'), 'utf8')) as RoutesFile,
      now,
      20,
    ),
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
console.log(`${count} articles`);
let table: RouteTable | undefined;
for (const [name, read] of Object.entries(load)) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    read();
    times.push(performance.now() - started);
  }
  table = undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  const parsed: unknown = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  const whileParsing = process.memoryUsage().heapUsed - before;
  if (!parsed) throw new Error(`${name} is empty`);
  gc();
  const start = process.memoryUsage().heapUsed;
  table = read();
  gc();
  const kept = process.memoryUsage().heapUsed - start;
  console.log(
    `${name.padEnd(12)} ${mib(Buffer.byteLength(files[name as keyof typeof files]))} on disk; ` +
      `read, parse and build: median ${median(times).toFixed(0)} ms ` +
      `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); ` +
      `the parsed file takes ${mib(whileParsing)} of heap while it is read, the table keeps ${mib(kept)}`,
  );
}

const paths = [
  '/section-3/article-17',
  '/section-3/no-such-story',
  '/tags/topic-kalo/page/2',
  '/authors/author-7/page/9999',
  '/x/y',
  '/section-11/page/4',
];
const runs = 1_000_000;
const started = performance.now();
for (let i = 0; i < runs; i++) decideRoute(paths[i % paths.length]!, table!);
console.log(
  `one decision: ${(((performance.now() - started) * 1000) / runs).toFixed(2)} µs (mean of ${runs})`,
);
