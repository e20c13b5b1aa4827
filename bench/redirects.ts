// What redirects as content cost (docs/decisions/023): a WordPress newsroom of 10,000 posts
// brings about five old addresses a post (permalink, ?p=, attachment page, picture, and its
// share of categories, tags, authors and feeds).
//   npx tsx bench/redirects.ts [--redirects 50000]
// Writes one content/redirects file of that many redirects (permalinks with non-ASCII slugs
// among them, and ?p= addresses) into bench/.scratch/redirects, then times: parsing it
// (the `yaml` package, as the content build does; then from the build's cache), checking every
// redirect against a site of 10,000 articles, loading the compiled redirects.json as the proxy
// does, and one proxy lookup for a reader's request that is no old address (an article: what
// nearly every request is), an old permalink and an old ?p= address, each against no redirects
// at all. Medians of 5 for the whole-file steps, of 1,000,000 for a lookup.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findRedirect } from '../lib/content/redirects/addresses';
import { checkRedirects, type RedirectsFile } from '../lib/content/redirects/check';
import { parseRedirects } from '../lib/content/redirects/parse';
import { routeTable } from '../lib/routing/route-table';
import type { RoutesFile } from '../lib/routing/routes-file';

const { values: args } = parseArgs({ options: { redirects: { type: 'string' } } });
const count = Number(args.redirects ?? 50_000);
const ARTICLES = 10_000;

const slug = (i: number) => (i % 10 === 0 ? `новости-${i}` : `a-story-about-the-council-${i}`);
const routes: RoutesFile = {
  sections: ['world'],
  authors: ['omar'],
  articles: Array.from({ length: ARTICLES }, (_, i) => ({
    slug: `story-${i}`,
    section: 'world',
    date: '2020-01-01T00:00:00.000Z',
    tags: [],
    authors: ['omar'],
  })),
  drafts: [],
};
const lines = ['# written by npm run import:wordpress', 'redirects:'];
for (let i = 0; i < count; i++) {
  const from = i % 2 === 0 ? `/2019/05/${encodeURIComponent(slug(i)).toLowerCase()}/` : `/?p=${i}`;
  lines.push(`  - from: "${from}"`, `    to: "/world/story-${i % ARTICLES}"`);
}
const text = `${lines.join('\n')}\n`;
const dir = path.join(import.meta.dirname, '.scratch', 'redirects');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'wordpress.yaml'), text);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
function time<T>(runs: number, step: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = step();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value: value! };
}

const file = 'content/redirects/wordpress.yaml';
const parsed = time(5, () => parseRedirects(file, text));
const cached = JSON.stringify(parsed.value);
const fromCache = time(5, () => JSON.parse(cached) as ReturnType<typeof parseRedirects>);
const site = {
  routes: routeTable(routes, Date.now(), 10),
  publicFileExists: () => false,
};
const checked = time(5, () => checkRedirects(parsed.value.entries, site));
if (checked.value.findings.length > 0) throw new Error('the generated redirects should pass');
const compiled = JSON.stringify(checked.value.file);
const loaded = time(5, () => new Map((JSON.parse(compiled) as RedirectsFile).redirects));

const map = loaded.value;
const empty = new Map<string, string>();
const requests = {
  'an article (no old address)': new URL('http://x/world/story-42?utm_source=feed'),
  'an old permalink': new URL(`http://x/2019/05/${encodeURIComponent(slug(20))}/`),
  'an old ?p= address': new URL('http://x/?p=4001&utm_source=x'),
};
function perLookup(redirects: Map<string, string>, url: URL): number {
  const n = 1_000_000;
  let found = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) if (findRedirect(redirects, url.pathname, url.searchParams)) found++;
  const ns = ((performance.now() - start) * 1e6) / n;
  if (found !== 0 && found !== n) throw new Error('a lookup should always or never match');
  return ns;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
console.log(`${count.toLocaleString('en')} redirects, ${mb(text.length)} of YAML`);
console.log(`parse (yaml, first build):      ${parsed.ms.toFixed(0)} ms`);
console.log(`parse (from the build's cache): ${fromCache.ms.toFixed(0)} ms`);
console.log(
  `check against ${ARTICLES.toLocaleString('en')} articles:  ${checked.ms.toFixed(0)} ms`,
);
console.log(`redirects.json ${mb(compiled.length)}, loaded into a Map: ${loaded.ms.toFixed(0)} ms`);
for (const [name, url] of Object.entries(requests)) {
  const withAll = perLookup(map, url);
  const without = perLookup(empty, url);
  console.log(
    `lookup, ${name}: ${withAll.toFixed(0)} ns (${without.toFixed(0)} ns with no redirects)`,
  );
}
