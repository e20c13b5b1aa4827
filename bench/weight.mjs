// Page weight: the gzip bytes of JavaScript, CSS and HTML that the article, front, section and
// search pages make Chromium load from a production build, against bench/budgets.json.
//
//   node bench/weight.mjs [--build] [--check] [--json out.json]
//
// --build runs `npm run build` first, with the budgets' MASTHEAD_PAGE_SIZE unless one is set.
// Without BASE_URL it starts `next start` on the first free port in 3400–3499 and stops it at
// the end. --check exits 1 when a page is over a budget, naming the page, the figure and by
// how much.
//
// What counts, per page (gzip at Node's zlib default level, as a server would send it):
// - JS: every script file the page loads in Chromium until the network is idle, with Next's
//   link prefetches refused: those fetch other pages' code, in idle time, for navigations the
//   reader may never make. They are measured separately as "prefetched".
// - Next's own runtime: the bytes that each file's source map attributes to Turbopack's runtime
//   or to next, react, react-dom, scheduler, @swc/helpers and @next/* (bench/js-attribution.mjs).
//   "Above runtime" is everything else — our code and the libraries we chose — measured as what
//   each file's gzip size would lose without it. Unmapped glue goes with the code before it.
//   The build must have source maps (productionBrowserSourceMaps in next.config.js); a file
//   without one counts entirely as ours, so a missing map can only make the check stricter.
// - CSS: every stylesheet file. HTML: the document as served, inline RSC payload and inline
//   scripts included.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startNext } from '../test/support/server.mjs';
import { attributeChunk } from './js-attribution.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const budgets = JSON.parse(readFileSync(path.join(root, 'bench', 'budgets.json'), 'utf8'));
const pageSize = process.env.MASTHEAD_PAGE_SIZE ?? String(budgets.pageSize);
const env = { ...process.env, MASTHEAD_PAGE_SIZE: pageSize, NEXT_TELEMETRY_DISABLED: '1' };
const FIGURES = ['jsAboveRuntime', 'jsTotal', 'css', 'html'];

if (pageSize !== String(budgets.pageSize)) {
  console.warn(
    `note: budgets assume MASTHEAD_PAGE_SIZE=${budgets.pageSize} (command B); listings differ at ${pageSize}`,
  );
}

if (args.includes('--build')) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function freePort(from, to) {
  for (let port = from; port <= to; port++) {
    const free = await new Promise((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

async function startServer() {
  if (existsSync(path.join(root, '.next', 'server', 'route-cache'))) {
    console.warn('note: .next holds pages regenerated since the build; their HTML may differ');
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'masthead-weight-'));
  // Its own empty comment store: measuring must not touch the site's data/.
  const server = await startNext({
    port: await freePort(3400, 3499),
    env: { ...env, COMMENTS_DB: path.join(scratch, 'comments.sqlite') },
  }).catch((error) => {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  });
  return {
    base: server.base,
    stop: async () => {
      await server.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

const gzip = (body) => gzipSync(body).length;
const maps = new Map();
const unmapped = new Set();

/** Splits a script file into runtime and ours, through the source map it names. */
async function attribute(url, body) {
  if (maps.has(url)) return maps.get(url);
  const code = body.toString('utf8');
  const name = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const response = name ? await fetch(new URL(name, url)) : undefined;
  if (!response?.ok) unmapped.add(new URL(url).pathname);
  const result = response?.ok
    ? attributeChunk(code, await response.json())
    : {
        total: gzip(body),
        above: gzip(body),
        modules: [
          {
            module: `${new URL(url).pathname} (no source map)`,
            raw: body.length,
            gzipIfRemoved: gzip(body),
          },
        ],
      };
  maps.set(url, result);
  return result;
}

/** Loads a page in a fresh context; with `prefetch` false, Next's link prefetches are refused. */
async function load(browser, url, { prefetch }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (!prefetch) {
    await page.route(
      (u) => u.searchParams.has('_rsc'),
      (route) =>
        route.request().headers()['next-router-prefetch'] ? route.abort() : route.continue(),
    );
  }
  const files = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if ((type !== 'script' && type !== 'stylesheet') || !response.ok()) return;
    files.push(response.body().then((body) => ({ type, url: response.url(), body })));
  });
  const doc = await page.goto(url, { waitUntil: 'networkidle' });
  if (!doc?.ok()) throw new Error(`${url} answered ${doc?.status()}`);
  const html = await doc.body();
  const loaded = await Promise.all(files);
  await context.close();
  return { html, loaded };
}

async function measure(browser, base, name, pagePath) {
  const url = base + pagePath;
  const { html, loaded } = await load(browser, url, { prefetch: false });
  const scripts = loaded.filter((f) => f.type === 'script');
  const chunks = [];
  const modules = new Map();
  for (const { url: file, body } of scripts) {
    const { total, above, modules: ours } = await attribute(file, body);
    chunks.push({ file: new URL(file).pathname, gzip: total, aboveRuntime: above });
    for (const m of ours) {
      const seen = modules.get(m.module) ?? { module: m.module, raw: 0, gzipIfRemoved: 0 };
      seen.raw += m.raw;
      seen.gzipIfRemoved += m.gzipIfRemoved;
      modules.set(m.module, seen);
    }
  }
  const jsTotal = chunks.reduce((n, c) => n + c.gzip, 0);
  const jsAboveRuntime = chunks.reduce((n, c) => n + c.aboveRuntime, 0);
  const own = new Set(scripts.map((s) => s.url));
  const withPrefetch = await load(browser, url, { prefetch: true });
  const prefetched = withPrefetch.loaded.filter((f) => f.type === 'script' && !own.has(f.url));
  return {
    name,
    path: pagePath,
    jsFiles: chunks.length,
    jsTotal,
    jsRuntime: jsTotal - jsAboveRuntime,
    jsAboveRuntime,
    css: loaded.filter((f) => f.type === 'stylesheet').reduce((n, f) => n + gzip(f.body), 0),
    html: gzip(html),
    prefetchedJs: prefetched.reduce((n, f) => n + gzip(f.body), 0),
    chunks: chunks.sort((a, b) => b.gzip - a.gzip),
    ours: [...modules.values()].sort((a, b) => b.raw - a.raw),
  };
}

const bytes = (n) => `${n.toLocaleString('en-US')} B`;

function table(results) {
  const rows = [
    '| page | JS files | JS | runtime | above runtime | CSS | HTML | prefetched JS |',
    '| ---- | -------: | -: | ------: | ------------: | --: | ---: | ------------: |',
    ...results.map(
      (r) =>
        `| ${r.name} (\`${r.path}\`) | ${r.jsFiles} | ${bytes(r.jsTotal)} | ${bytes(r.jsRuntime)} | ` +
        `**${bytes(r.jsAboveRuntime)}** | ${bytes(r.css)} | ${bytes(r.html)} | ${bytes(r.prefetchedJs)} |`,
    ),
  ];
  const ours = results.flatMap((r) => [
    '',
    `Above runtime on ${r.name}: ${bytes(r.jsAboveRuntime)} gzip`,
    ...r.ours.map((m) => `- ${m.module}: ${bytes(m.raw)} raw, ${bytes(m.gzipIfRemoved)} gzip`),
  ]);
  return [...rows, ...ours].join('\n');
}

const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const server = process.env.BASE_URL
  ? { base: process.env.BASE_URL.replace(/\/$/, ''), stop: async () => {} }
  : await startServer();
const results = [];
let browser;
try {
  browser = await chromium.launch({
    executablePath,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  for (const [name, page] of Object.entries(budgets.pages)) {
    results.push(await measure(browser, server.base, name, page.path));
  }
} finally {
  await browser?.close();
  await server.stop();
}

console.log(table(results));
if (unmapped.size > 0) {
  console.warn(
    `\nno source map for ${[...unmapped].join(', ')}: counted as ours in full. ` +
      'Is productionBrowserSourceMaps on in next.config.js?',
  );
}
if (jsonOut) {
  const report = { date: new Date().toISOString(), pageSize: Number(pageSize), pages: results };
  writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
}

if (args.includes('--check')) {
  const over = [];
  for (const r of results) {
    for (const figure of FIGURES) {
      const budget = budgets.pages[r.name].budget[figure];
      if (budget !== undefined && r[figure] > budget) {
        over.push(
          `over budget: ${r.name} (${r.path}) ${figure} ${bytes(r[figure])} gzip > ${bytes(budget)}, ` +
            `${bytes(r[figure] - budget)} over`,
        );
      }
    }
  }
  console.log(over.length ? `\n${over.join('\n')}` : '\nevery page is within its budgets');
  process.exit(over.length ? 1 : 0);
}
