// The cluster's figures, from test/checks/cluster.mjs run several times in a row on the
// current build (`MASTHEAD_STANDALONE=1 npm run build` first): freshness across instances,
// throughput through nginx with one and with two instances, and the failover. Each run writes
// its figures where CLUSTER_FIGURES says, and its scenario report to a folder of its own.
//   node bench/cluster.mjs [runs=3]
// Prints a Markdown table for BENCHMARKS.md, one row per run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(path.join(tmpdir(), 'masthead-cluster-bench-'));
const rows = [];
for (let i = 0; i < runs; i++) {
  const file = path.join(dir, `run-${i}.json`);
  try {
    execFileSync(
      process.execPath,
      [
        path.join(root, 'test', 'run', 'check.mjs'),
        'cluster',
        '--reports',
        path.join(dir, `reports-${i}`),
      ],
      {
        cwd: root,
        env: { ...process.env, CLUSTER_FIGURES: file },
        stdio: ['ignore', 'ignore', 'ignore'],
      },
    );
  } catch {
    console.error(`run ${i + 1}: some check failed; its figures are still shown`);
  }
  rows.push({ ...JSON.parse(readFileSync(file, 'utf8')), load: loadavg()[0].toFixed(1) });
}

// The targets (issue 12) are judged here, on a quiet machine; command B's check asserts only
// that the sharing works, because it runs beside other lanes.
const s = (ms, target) =>
  ms === undefined || ms === null
    ? '—'
    : `${(ms / 1000).toFixed(1)} s${ms > target ? ` (over ${target / 1000} s)` : ''}`;
// A run whose check stopped early lacks some figures: shown as a dash.
const through = (r) => (r ? `${r.perSecond}/s, p50 ${r.p50} ms, p95 ${r.p95} ms` : '—');
const failover = (f) =>
  f ? `${f.failed} of ${f.requests} / ${f.gapMs} ms / ${f.lost} of ${f.comments}` : '—';
console.log(
  '| run | approved (web) on both | approved (CLI) on both | publish live on both | after Redis restart | one instance | two instances | failover: failed / gap / comments lost | load |',
);
console.log('|---:|---:|---:|---:|---:|---|---|---|---:|');
for (const [i, r] of rows.entries()) {
  console.log(
    `| ${i + 1} | ${s(r.commentWeb, 2_000)} | ${s(r.commentCli, 2_000)} | ${s(r.publish, 10_000)} | ${s(r.afterRedisRestart, 2_000)} | ${through(r['one instance'])} | ${through(r['two instances'])} | ${failover(r.failover)} | ${r.load} |`,
  );
}
