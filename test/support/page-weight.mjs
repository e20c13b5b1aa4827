// Weighing a page as Chromium loads it: the gzip bytes of JavaScript, CSS and HTML, with the
// JavaScript split into Next's own runtime and ours. Shared by the gate (test/checks/weight.mjs,
// against bench/budgets.json) and the benchmark that writes the figures (bench/weight.mjs).
//
// What counts, per page (gzip at Node's zlib default level, as a server would send it):
// - JS: every script file the page loads in Chromium until the network is idle, with Next's
//   link prefetches refused: those fetch other pages' code, in idle time, for navigations the
//   reader may never make. They are measured separately as "prefetched".
// - Next's own runtime: the bytes that each file's source map attributes to Turbopack's runtime
//   or to next, react, react-dom, scheduler, @swc/helpers and @next/* (bench/js-attribution.mjs,
//   which has no dependencies of its own). "Above runtime" is everything else — our code and the
//   libraries we chose — measured as what each file's gzip size would lose without it. Unmapped
//   glue goes with the code before it. The build must have source maps
//   (productionBrowserSourceMaps in next.config.js); a file without one counts entirely as ours,
//   so a missing map can only make the gate stricter.
// - CSS: every stylesheet file. HTML: the document as served, inline RSC payload and inline
//   scripts included.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { attributeChunk } from '../../bench/js-attribution.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The figures a page may have a budget for, in the order they are reported. */
export const FIGURES = ['jsAboveRuntime', 'jsTotal', 'css', 'html'];

/** bench/budgets.json: the listing size the budgets assume, and each page's path and budget. */
export function readBudgets() {
  return JSON.parse(readFileSync(path.join(root, 'bench', 'budgets.json'), 'utf8'));
}

/** Debian's Chromium where it is installed (CHROMIUM_PATH overrides), else Playwright's own. */
export function launchChromium() {
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    executablePath,
    // Without these, Chromium keeps dialling Google's services, which can only add noise.
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const gzip = (body) => gzipSync(body).length;

/**
 * A scale for one browser session: it reads each script's source map once, however many pages
 * load the script, and remembers the files that had none (`unmapped`).
 */
export function pageScale() {
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

  /** Weighs `base + pagePath` in fresh browser contexts: once as read, once with prefetches. */
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

  return { measure, unmapped };
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

export const bytes = (n) => `${n.toLocaleString('en-US')} B`;

/** Each figure of a measured page that is over its budget, said with the figure and by how much. */
export function overBudget(result, budget) {
  return FIGURES.filter(
    (figure) => budget[figure] !== undefined && result[figure] > budget[figure],
  ).map(
    (figure) =>
      `over budget: ${result.name} (${result.path}) ${figure} ${bytes(result[figure])} gzip > ` +
      `${bytes(budget[figure])}, ${bytes(result[figure] - budget[figure])} over`,
  );
}

/** One line of the figures table (Markdown), as BENCHMARKS.md shows them. */
export function tableRow(r) {
  return (
    `| ${r.name} (\`${r.path}\`) | ${r.jsFiles} | ${bytes(r.jsTotal)} | ${bytes(r.jsRuntime)} | ` +
    `**${bytes(r.jsAboveRuntime)}** | ${bytes(r.css)} | ${bytes(r.html)} | ${bytes(r.prefetchedJs)} |`
  );
}

/** The figures table, then what is above the runtime on each page, module by module. */
export function table(results) {
  const rows = [
    '| page | JS files | JS | runtime | above runtime | CSS | HTML | prefetched JS |',
    '| ---- | -------: | -: | ------: | ------------: | --: | ---: | ------------: |',
    ...results.map(tableRow),
  ];
  return [...rows, ...results.flatMap(modulesAboveRuntime)].join('\n');
}

/** What is above the runtime on one page, module by module. */
export function modulesAboveRuntime(r) {
  return [
    '',
    `Above runtime on ${r.name}: ${bytes(r.jsAboveRuntime)} gzip`,
    ...r.ours.map((m) => `- ${m.module}: ${bytes(m.raw)} raw, ${bytes(m.gzipIfRemoved)} gzip`),
  ];
}

/** Said when a script had no source map, so everything in it counted as ours. */
export function unmappedNotice(unmapped) {
  return unmapped.size === 0
    ? undefined
    : `no source map for ${[...unmapped].join(', ')}: counted as ours in full. ` +
        'Is productionBrowserSourceMaps on in next.config.js?';
}
