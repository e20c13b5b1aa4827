// Lighthouse with its default mobile settings, three runs a page, every figure and the median.
//   node bench/lighthouse.mjs [--runs 3] [--dir DIR] [path …]
// Needs a production build (npm run build). Starts `next start` on 127.0.0.1:3520, then runs the
// Lighthouse CLI (a fresh Chromium each run: CHROME_PATH, default /usr/bin/chromium, with
// `--headless=new --no-sandbox`) on the article, front and section pages by default, after one
// uncounted warm-up run a page. Reports go to bench/.scratch/lighthouse/; a summary line a page
// to bench/.scratch/lighthouse-results.jsonl.
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { startNext } from '../test/support/server.mjs';
import { benchTools } from './tools.mjs';

benchTools();

const { values, positionals: paths } = parseArgs({
  // --dir: another checkout's build (a scratch copy with content/ads.yaml: node bench/ads.mjs).
  options: { runs: { type: 'string', default: '3' }, dir: { type: 'string' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
const pages = paths.length ? paths : ['/world/kim-new-year-message-putin-alliance', '/', '/world'];
const port = 3520;
const base = `http://127.0.0.1:${port}`;
const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'bench', '.scratch', 'lighthouse');
const require = createRequire(import.meta.url);
const lighthouseCli = path.join(
  path.dirname(require.resolve('lighthouse/package.json')),
  'cli',
  'index.js',
);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const version = JSON.parse(
  readFileSync(require.resolve('lighthouse/package.json'), 'utf8'),
).version;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One Lighthouse run in a fresh browser; the figures this benchmark reports. */
async function lighthouse(pagePath, run) {
  const name = pagePath === '/' ? 'front' : pagePath.slice(1).replace(/\W+/g, '-');
  const file = path.join(out, `${name}-${run}.json`);
  await promisify(execFile)(
    process.execPath,
    [
      lighthouseCli,
      base + pagePath,
      '--output=json',
      `--output-path=${file}`,
      '--chrome-flags=--headless=new --no-sandbox',
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const score = (id) => Math.round((report.categories[id]?.score ?? NaN) * 100);
  const audit = (id) => report.audits[id]?.numericValue ?? NaN;
  // Weighted audits that cost points, with their scores, to say what falls short and why.
  const failing = Object.fromEntries(
    Object.values(report.categories).flatMap((category) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => report.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 1)
        .map((a) => [a.id, a.score]),
    ),
  );
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    cls: Number(audit('cumulative-layout-shift').toFixed(3)),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    fcpMs: Math.round(audit('first-contentful-paint')),
    failing,
  };
}

const row = (label, r) =>
  [
    label.padEnd(8),
    String(r.performance).padStart(4),
    String(r.accessibility).padStart(5),
    String(r.bestPractices).padStart(5),
    String(r.seo).padStart(4),
    String(r.cls).padStart(6),
    `${r.lcpMs}`.padStart(7),
    `${r.tbtMs}`.padStart(6),
    `${r.fcpMs}`.padStart(6),
  ].join(' ');

const server = await startNext({
  port,
  ...(values.dir ? { cwd: path.resolve(values.dir) } : {}),
  env: { COMMENTS_DB: path.join(out, 'comments.sqlite') },
  readyPath: pages[0],
});
try {
  // Lighthouse should meet a warm server: route code loaded, and the optimised images it asks
  // for already encoded (the first AVIF encode of a picture takes seconds). So one run a page
  // first, not counted.
  for (const pagePath of pages) await lighthouse(pagePath, 'warm-up');

  console.log(
    `Lighthouse ${version}, ${chromePath}, mobile defaults, ${runs} runs a page; ` +
      `${os.cpus().length} cores, load ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
  );
  for (const pagePath of pages) {
    const results = [];
    for (let run = 1; run <= runs; run++) results.push(await lighthouse(pagePath, run));
    const keys = [
      'performance',
      'accessibility',
      'bestPractices',
      'seo',
      'cls',
      'lcpMs',
      'tbtMs',
      'fcpMs',
    ];
    const mid = Object.fromEntries(keys.map((k) => [k, median(results.map((r) => r[k]))]));
    console.log(`\n${pagePath}`);
    console.log('run      perf  a11y  best  seo    CLS LCP(ms) TBT(ms) FCP(ms)');
    results.forEach((r, i) => console.log(row(`${i + 1}`, r)));
    console.log(row('median', mid));
    const failing = [...new Set(results.flatMap((r) => Object.keys(r.failing)))].map(
      (id) => `${id} ${results.map((r) => r.failing[id] ?? 1).join('/')}`,
    );
    if (failing.length) console.log(`  audits below 1 (score by run): ${failing.join(', ')}`);
    appendFileSync(
      path.join(root, 'bench', '.scratch', 'lighthouse-results.jsonl'),
      `${JSON.stringify({ date: new Date().toISOString(), version, page: pagePath, load: os.loadavg(), results, median: mid })}\n`,
    );
  }
  console.log(
    `\nload average after: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await server.stop();
}
