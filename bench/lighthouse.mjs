// Lighthouse with its default mobile settings, three runs a page, every figure and the median.
//   node bench/lighthouse.mjs [--runs 3] [--dir DIR] [path …]
// Needs a production build (npm run build). Starts `next start` on 127.0.0.1:3520, then runs the
// Lighthouse CLI (a fresh Chromium each run: CHROME_PATH, default /usr/bin/chromium, with
// `--headless=new --no-sandbox`) on the article, front and section pages by default, after one
// uncounted warm-up run a page. Reports go to bench/.scratch/lighthouse/; a summary line a page
// to bench/.scratch/lighthouse-results.jsonl.
//
// Side by side with another site (issue 20), already serving at its address:
//   node bench/lighthouse.mjs --other http://127.0.0.1:3600 --other-paths /blog/x,/ \
//     [--other-name TN] [--runs 5] [path …]
// alternates our pages and theirs round by round (one uncounted warm-up each first; default 5
// rounds) and prints both sides' medians in one table, also written to
// bench/.scratch/lighthouse-side-by-side.json and .md. bench/tn-starter.sh builds and serves
// tailwind-nextjs-starter-blog for this.
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startNext } from '../test/support/server.mjs';
import {
  chromePath,
  figures,
  lighthouseVersion as version,
  medians,
  pageName,
  runLighthouse,
} from './lighthouse-run.mjs';
import { sideBySide } from './lighthouse-side-by-side.mjs';

const { values, positionals: paths } = parseArgs({
  options: {
    runs: { type: 'string' },
    // --dir: another checkout's build (a scratch copy with content/ads.yaml: node bench/ads.mjs).
    dir: { type: 'string' },
    other: { type: 'string' },
    'other-paths': { type: 'string', default: '/' },
    'other-name': { type: 'string', default: 'other' },
  },
  allowPositionals: true,
});
const runs = Number(values.runs ?? (values.other ? 5 : 3));
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a whole number, not ${values.runs}`);
const pages = paths.length ? paths : ['/world/kim-new-year-message-putin-alliance', '/', '/world'];
const port = 3520;
const base = `http://127.0.0.1:${port}`;
const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'bench', '.scratch', 'lighthouse');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** One Lighthouse run in a fresh browser; the figures this benchmark reports. */
async function lighthouse(pagePath, run) {
  const file = path.join(out, `${pageName(pagePath)}-${run}.json`);
  return figures(await runLighthouse(base + pagePath, file));
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
  if (values.other) {
    const other = new URL(values.other);
    const otherPages = values['other-paths']
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (otherPages.some((p) => !p.startsWith('/')))
      throw new Error('--other-paths: paths start with /');
    const answer = await fetch(other.origin + otherPages[0]).catch(() => undefined);
    if (!answer?.ok)
      throw new Error(
        `--other: ${other.origin}${otherPages[0]} does not answer 200; is it serving?`,
      );
    await sideBySide({
      sites: [
        { name: 'Masthead', base, pages },
        { name: values['other-name'], base: other.origin, pages: otherPages },
      ],
      rounds: runs,
      out,
      summaryFile: path.join(root, 'bench', '.scratch', 'lighthouse-side-by-side.json'),
    });
  } else await singleSite();
} finally {
  await server.stop();
}

/** Each page `runs` times in a row, every run's figures and the medians. */
async function singleSite() {
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
    const mid = medians(results);
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
}
