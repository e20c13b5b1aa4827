// One Lighthouse run, as bench/lighthouse.mjs and bench/main-thread.mjs take it: the Lighthouse
// CLI (bench/package.json's) with its default mobile settings, in a fresh Chromium each run
// (CHROME_PATH, default /usr/bin/chromium, `--headless=new --no-sandbox`).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { benchTools } from './tools.mjs';

benchTools();

const require = createRequire(import.meta.url);
const lighthouseCli = path.join(
  path.dirname(require.resolve('lighthouse/package.json')),
  'cli',
  'index.js',
);
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const lighthouseVersion = JSON.parse(
  readFileSync(require.resolve('lighthouse/package.json'), 'utf8'),
).version;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A file name for a page path: `front` for `/`, otherwise its words joined by dashes. */
export const pageName = (pagePath) =>
  pagePath === '/' ? 'front' : pagePath.slice(1).replace(/\W+/g, '-');

/**
 * Runs Lighthouse on `url`, writing the JSON report to `file` (with `--save-assets` among
 * `flags`, the trace beside it). `flags` are further CLI flags. Returns the parsed report.
 */
export async function runLighthouse(url, file, { flags = [] } = {}) {
  await promisify(execFile)(
    process.execPath,
    [
      lighthouseCli,
      url,
      '--output=json',
      `--output-path=${file}`,
      '--chrome-flags=--headless=new --no-sandbox',
      '--quiet',
      ...flags,
    ],
    { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Bytes of JavaScript the page transferred (Lighthouse's resource summary). */
function scriptBytes(report) {
  const items = report.audits['resource-summary']?.details?.items ?? [];
  return items.find((item) => item.resourceType === 'script')?.transferSize ?? NaN;
}

/** The figures the benchmarks report from one run. */
export function figures(report) {
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
    jsBytes: scriptBytes(report),
    failing,
  };
}

/** Figure-by-figure medians of several runs' figures (failing audits left out). */
export function medians(results) {
  const keys = Object.keys(results[0] ?? {}).filter((k) => k !== 'failing');
  return Object.fromEntries(keys.map((k) => [k, median(results.map((r) => r[k]))]));
}
