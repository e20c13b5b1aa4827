// What invented URLs cost the server: do they all answer 404, and does `.next` grow?
//   node bench/invented-urls.mjs [--count 1000] [--concurrency 8] [--port 3230] [--seed N]
// Needs a production build (npm run build). Starts `next start` on 127.0.0.1:--port with a
// database of its own, measures `.next` (bytes and files), asks for --count URLs that name no
// page — of every kind a crawler or an attacker invents, each one new (see `kinds` below) —
// then measures `.next` again once the server has had time to write what it caches. Exits 1
// when an answer is not a 404 or `.next` grew by 1 MB or more. Loopback only; the server is
// stopped at the end.
import { appendFileSync, lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startNext } from '../test/support/server.mjs';

const { values: args } = parseArgs({
  options: Object.fromEntries(
    ['count', 'concurrency', 'port', 'seed'].map((name) => [name, { type: 'string' }]),
  ),
});
const count = Number(args.count ?? 1000);
const concurrency = Number(args.concurrency ?? 8);
const port = Number(args.port ?? 3230);
const root = path.resolve(import.meta.dirname, '..');
const scratch = path.join(root, 'bench', '.scratch');
const LIMIT = 1024 * 1024;

// Real names to invent around: a real section with an invented slug is the likeliest typo.
const index = JSON.parse(
  readFileSync(path.join(root, '.masthead', 'content', 'current', 'index.json'), 'utf8'),
);
const sections = index.sections.map((s) => s.id);
const authors = index.authors.map((a) => a.id);
const tags = [...new Set(index.articles.flatMap((a) => a.tags))];
const article = index.articles.find((a) => !a.draft);

// A seeded generator: --seed repeats a run's URLs; by default every run invents new ones, so
// that none of them is already in the server's cache.
const seed = Number(args.seed ?? Date.now() % 2 ** 31);
let state = seed;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
let serial = 0;
const word = () => `${Math.floor(random() * 36 ** 6).toString(36)}-${(serial++).toString(36)}`;
const far = () => String(1000 + serial++);

const RSC = { rsc: '1' };
const PREFETCH = { rsc: '1', 'next-router-prefetch': '1' };

/** Each kind: a name, and a function that invents one URL (and the headers it is sent with). */
const kinds = [
  ['unknown section and slug', () => [`/${word()}/${word()}`]],
  ['unknown section', () => [`/${word()}`]],
  ['invented slug in a real section', () => [`/${pick(sections)}/${word()}`]],
  ['section page past the last', () => [`/${pick(sections)}/page/${far()}`]],
  ['section page not canonical', () => [`/${pick(sections)}/page/0${far()}`]],
  ['invented tag', () => [`/tags/${word()}`]],
  ['tag page past the last', () => [`/tags/${pick(tags)}/page/${far()}`]],
  ['invented author', () => [`/authors/${word()}`]],
  ['invented author, page 2', () => [`/authors/${word()}/page/2`]],
  ['author page past the last', () => [`/authors/${pick(authors)}/page/${far()}`]],
  ['OG image of an invented article', () => [`/${pick(sections)}/${word()}/opengraph-image`]],
  ['OG image, unknown section', () => [`/${word()}/${word()}/opengraph-image`]],
  ['comment page of an invented article', () => [`/${pick(sections)}/${word()}/comment`]],
  ['feed of an unknown section', () => [`/${word()}/feed.xml`]],
  ['invented slug with .rsc', () => [`/${pick(sections)}/${word()}.rsc`]],
  [
    'real slug in upper case',
    () => [`/${article.section}/${article.slug.toUpperCase()}${serial++}`],
  ],
  ['RSC: invented slug', () => [`/${pick(sections)}/${word()}`, RSC]],
  ['RSC: invented tag', () => [`/tags/${word()}`, RSC]],
  ['RSC: unknown section and slug', () => [`/${word()}/${word()}`, RSC]],
  ['prefetch: invented slug', () => [`/${pick(sections)}/${word()}`, PREFETCH]],
  [
    'prefetch: author page past the last',
    () => [`/authors/${pick(authors)}/page/${far()}`, PREFETCH],
  ],
];
const requests = Array.from({ length: count }, (_, i) => {
  const [kind, invent] = kinds[i % kinds.length];
  const [url, headers = {}] = invent();
  return { kind, url, headers };
});

/** Bytes (files and directories, as `du -sb` counts them) and files under `dir`. */
function measure(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      bytes += lstatSync(full).size;
      if (entry.isDirectory()) walk(full);
      else files += 1;
    }
  };
  walk(dir);
  return { bytes, files };
}

/** test/support/server.mjs waits for anything to answer: a server left on the port would be measured. */
async function assertFree(port) {
  const answered = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`something already answers on port ${port}: stop it first`);
}

await assertFree(port);
mkdirSync(scratch, { recursive: true });
const server = await startNext({
  port,
  env: { COMMENTS_DB: path.join(scratch, `invented-urls-${port}.sqlite`) },
});
const statuses = new Map();
const wrong = [];
let before;
let after;
let seconds;
try {
  // The site's own 404 page is rendered (and cached) once, whatever it is asked for first.
  await fetch(`${server.base}/${word()}/${word()}`);
  await sleep(1000);
  before = measure(path.join(root, '.next'));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const request = requests[next++];
        // RSC requests without Next's cache-busting parameter are redirected to add it; fetch
        // follows with the same headers, as the router would.
        const response = await fetch(server.base + request.url, { headers: request.headers });
        await response.arrayBuffer();
        const key = `${request.kind}: ${response.status}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (response.status !== 404) wrong.push(`${response.status} ${request.url}`);
      }
    }),
  );
  seconds = (performance.now() - started) / 1000;
  // Next writes what it caches after answering.
  await sleep(3000);
  after = measure(path.join(root, '.next'));
} finally {
  await server.stop();
}

const grew = after.bytes - before.bytes;
const mib = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
console.log(
  `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}; ${count} invented URLs of ` +
    `${kinds.length} kinds, ${concurrency} at a time, in ${seconds.toFixed(1)} s ` +
    `(${(count / seconds).toFixed(0)} a second), seed ${seed}`,
);
for (const [key, n] of [...statuses].sort()) console.log(`  ${String(n).padStart(4)}  ${key}`);
console.log(
  `.next: ${mib(before.bytes)}, ${before.files} files before; ${mib(after.bytes)}, ` +
    `${after.files} files after: grew ${mib(grew)} (${grew} B), ${after.files - before.files} files`,
);
if (wrong.length > 0)
  console.log(`not 404 (${wrong.length}):\n  ${wrong.slice(0, 20).join('\n  ')}`);
appendFileSync(
  path.join(scratch, 'invented-urls-results.jsonl'),
  `${JSON.stringify({ date: new Date().toISOString(), seed, count, concurrency, seconds, before, after, statuses: Object.fromEntries(statuses), wrong: wrong.length })}\n`,
);
if (wrong.length > 0 || grew >= LIMIT) {
  console.log(`FAIL: every answer must be 404 and .next grow by less than ${mib(LIMIT)}`);
  process.exitCode = 1;
}
