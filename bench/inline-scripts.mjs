// Could per-page hashes of the inline scripts replace `script-src 'unsafe-inline'`?
// (docs/decisions/019). Reads every prerendered page of a production build
// (.next/server/app/**/*.html), hashes each inline script the policy governs (not JSON-LD, which
// browsers never run), and prints per page: how many, how many distinct, how many no other page
// shares, and the size of the `script-src` such a page would need. With --server URL it also asks
// a running server of that build for each page twice, and for pages rendered per request, to see
// whether the hashes hold from one request to the next.
//   node bench/inline-scripts.mjs [--server http://127.0.0.1:3000] [--json file]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { server: { type: 'string' }, json: { type: 'string' }, dir: { type: 'string' } },
});
const appDir = path.resolve(args.dir ?? '.next', 'server', 'app');

/** Inline `<script>` elements a CSP governs: no `src`, and a JavaScript type (or none). */
function inlineScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !['text/javascript', 'module', 'application/javascript'].includes(type)) continue;
    scripts.push(match[2] ?? '');
  }
  return scripts;
}

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const hashesOf = (html) => inlineScripts(html).map(hash);

function* htmlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(file);
    else if (entry.name.endsWith('.html')) yield file;
  }
}

/** `.next/server/app/world/kim.html` is `/world/kim`; `index.html` the front page. */
const pathOf = (file) => {
  const relative = path.relative(appDir, file).slice(0, -'.html'.length).split(path.sep).join('/');
  return relative === 'index' ? '/' : `/${relative}`;
};

const pages = [...htmlFiles(appDir)].map((file) => {
  const html = readFileSync(file, 'utf8');
  const scripts = inlineScripts(html);
  return {
    path: pathOf(file),
    scripts: scripts.length,
    bytes: scripts.reduce((sum, s) => sum + Buffer.byteLength(s), 0),
    payloadScripts: scripts.filter((s) => s.includes('self.__next_f')).length,
    hashes: scripts.map(hash),
  };
});
if (pages.length === 0) {
  console.error(`No prerendered pages in ${appDir}: run npm run build first.`);
  process.exit(1);
}

// How many pages carry each hash: one carried by every page is a candidate for a fixed policy.
const pagesPerHash = new Map();
for (const page of pages) {
  for (const h of new Set(page.hashes)) pagesPerHash.set(h, (pagesPerHash.get(h) ?? 0) + 1);
}
const HEADER_BASE = "script-src 'self' 'strict-dynamic'".length;
const rows = pages
  .map((page) => {
    const distinct = new Set(page.hashes);
    const own = [...distinct].filter((h) => pagesPerHash.get(h) === 1).length;
    // Each source: a space and `'sha256-…'` (53 characters).
    const header = HEADER_BASE + [...distinct].reduce((sum, h) => sum + 1 + h.length, 0);
    return { ...page, distinct: distinct.size, own, header };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
const shared = [...pagesPerHash].filter(([, count]) => count === pages.length).length;
console.log('page'.padEnd(58), 'scripts', 'distinct', 'own', 'payload', 'KB', 'header B');
for (const r of rows) {
  console.log(
    r.path.slice(0, 57).padEnd(58),
    String(r.scripts).padStart(7),
    String(r.distinct).padStart(8),
    String(r.own).padStart(3),
    String(r.payloadScripts).padStart(7),
    (r.bytes / 1024).toFixed(1).padStart(5),
    String(r.header).padStart(8),
  );
}
const summary = {
  pages: rows.length,
  distinctHashes: pagesPerHash.size,
  hashesOnEveryPage: shared,
  pagesWhoseHashesAreAllShared: rows.filter((r) => r.own === 0).length,
  scriptsPerPage: {
    median: median(rows.map((r) => r.scripts)),
    max: Math.max(...rows.map((r) => r.scripts)),
  },
  ownHashesPerPage: {
    median: median(rows.map((r) => r.own)),
    max: Math.max(...rows.map((r) => r.own)),
  },
  headerBytes: {
    median: median(rows.map((r) => r.header)),
    max: Math.max(...rows.map((r) => r.header)),
  },
  oneHeaderForAllPagesBytes:
    HEADER_BASE + [...pagesPerHash.keys()].reduce((s, h) => s + 1 + h.length, 0),
};
console.log('\n', summary);

/**
 * Each page asked twice of a running server: do the scripts it is served match the file's, and
 * each other? Then pages rendered on request (search, a not-prerendered article).
 */
async function perRequest(base) {
  const fetchHashes = async (pathname) => {
    const response = await fetch(new URL(pathname, base));
    return { status: response.status, hashes: hashesOf(await response.text()) };
  };
  const same = (a, b) => a.length === b.length && a.every((h, i) => h === b[i]);
  const results = { prerendered: { asked: 0, sameAsFile: 0, sameTwice: 0 }, dynamic: [] };
  for (const row of rows.filter((r) => !r.path.startsWith('/_'))) {
    const first = await fetchHashes(row.path);
    if (first.status !== 200) continue;
    const second = await fetchHashes(row.path);
    results.prerendered.asked += 1;
    if (same(first.hashes, row.hashes)) results.prerendered.sameAsFile += 1;
    if (same(first.hashes, second.hashes)) results.prerendered.sameTwice += 1;
  }
  for (const pathname of ['/search?q=housing', '/search?q=election', '/admin/comments']) {
    const [a, b] = [await fetchHashes(pathname), await fetchHashes(pathname)];
    const unlike = a.hashes.filter((h) => !b.hashes.includes(h)).length;
    results.dynamic.push({
      path: pathname,
      scripts: a.hashes.length,
      differingBetweenTwoRequests: unlike,
    });
  }
  return results;
}

const live = args.server ? await perRequest(args.server) : undefined;
if (live) console.log('\n', JSON.stringify(live, null, 2));
if (args.json) writeFileSync(args.json, JSON.stringify({ summary, live, rows }, null, 2));
