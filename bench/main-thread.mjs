// Where a phone's main thread goes on each page type (issue 20): Lighthouse's mobile defaults,
// its own diagnostics, and a Chrome trace with V8's CPU samples, attributed by script and, through
// the build's source maps, by module.
//   node bench/main-thread.mjs [--runs 3] [--dir DIR] [path …]     Masthead's build (next start)
//   node bench/main-thread.mjs --base http://127.0.0.1:3600 --name TN path …   a running site
//   node bench/main-thread.mjs --control                         the framework's floor
// --control builds and traces a page with no client component of ours: a bare Next app with this
// checkout's next, react and react-dom (bench/next-floor.mjs). Each page gets one uncounted
// warm-up, then `runs` traced runs (the CPU profiler on; its sampling costs a little, so take
// Performance and TBT from bench/lighthouse.mjs, and the shares from here); figures are medians
// over the runs. Per page it prints Lighthouse's own `mainthread-work-breakdown`, `bootup-time`
// and `long-tasks` (simulated phone), then the trace's CPU samples by kind of code and by module:
// observed time × Lighthouse's 4× CPU slowdown, and each kind's share of the blocking (what tasks
// after the first paint would last past 50 ms on that phone). V8 charges compiling a function to
// its caller; time Turbopack's runtime spends just before a module's factory runs is charged to
// that module, marked "compiling on first require". Reports go to
// bench/.scratch/main-thread/<site>/ (--keep-traces keeps the traces, to open in DevTools), the
// tables to bench/.scratch/main-thread-<site>.md and .json.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startNext } from '../test/support/server.mjs';
import { bytesBySource, sourceAt } from './js-attribution.mjs';
import { figures, lighthouseVersion, median, pageName, runLighthouse } from './lighthouse-run.mjs';
import {
  attribute,
  bucketOfSource,
  cpuSamples,
  mainThread,
  topLevelTasks,
  CPU_SLOWDOWN,
} from './main-thread-trace.mjs';
import { buildFloor } from './next-floor.mjs';

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    dir: { type: 'string' },
    base: { type: 'string' },
    name: { type: 'string' },
    control: { type: 'boolean', default: false },
    'keep-traces': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs: a whole number, not ${values.runs}`);
const root = path.resolve(import.meta.dirname, '..');
const pages = positionals.length
  ? positionals
  : values.control
    ? ['/']
    : ['/world/kim-new-year-message-putin-alliance', '/', '/world', '/search?q=energy'];
const siteName =
  values.name ?? (values.control ? 'next-floor' : values.base ? 'other' : 'Masthead');

const slug = siteName.toLowerCase().replace(/\W+/g, '-');
const out = path.join(root, 'bench', '.scratch', 'main-thread', slug);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** Source maps of the page's scripts, fetched once each: url → locate(line, column). */
const maps = new Map();
/** What each script holds, by kind of code and share of its bytes: url → "React DOM 93 %, …". */
const holds = new Map();
async function loadMap(url) {
  if (maps.has(url)) return;
  maps.set(url, () => undefined);
  const code = await fetch(url).then((r) => (r.ok ? r.text() : ''));
  const name = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  if (!name) return;
  const response = await fetch(new URL(name, url));
  if (!response.ok) return;
  const map = await response.json();
  maps.set(url, sourceAt(map));
  const byKind = new Map();
  let all = 0;
  for (const [source, bytes] of bytesBySource(code, map)) {
    const kind = bucketOfSource(source);
    byKind.set(kind, (byKind.get(kind) ?? 0) + bytes);
    all += bytes;
  }
  const parts = [...byKind]
    .sort((a, b) => b[1] - a[1])
    .filter(([, bytes]) => bytes / all >= 0.02)
    .map(([kind, bytes]) => `${kind} ${Math.round((bytes / all) * 100)} %`);
  holds.set(url, `${Math.round(code.length / 1000)} kB: ${parts.join(', ')}`);
}

/** The top rows of Lighthouse's table audits, as `{ label: ms }`. */
function lighthouseTables(report) {
  const items = (id) => report.audits[id]?.details?.items ?? [];
  const byUrl = {};
  for (const item of items('bootup-time')) {
    byUrl[item.url] = {
      total: item.total,
      scripting: item.scripting,
      parse: item.scriptParseCompile,
    };
  }
  const longTasks = {};
  for (const task of items('long-tasks')) {
    const blocking = Math.max(0, task.duration - 50);
    longTasks[task.url] = (longTasks[task.url] ?? 0) + blocking;
  }
  const groups = Object.fromEntries(
    items('mainthread-work-breakdown').map((i) => [i.groupLabel ?? i.group, i.duration]),
  );
  return { byUrl, longTasks, groups };
}

/** One traced run: Lighthouse's figures and tables, and the trace's attribution. */
async function tracedRun(base, pagePath, label) {
  const file = path.join(out, `${siteName}-${pageName(pagePath)}-${label}.json`);
  const report = await runLighthouse(base + pagePath, file, {
    flags: ['--save-assets', '--additional-trace-categories=disabled-by-default-v8.cpu_profiler'],
  });
  const traceFile = file.replace(/\.json$/, '-0.trace.json');
  const trace = JSON.parse(readFileSync(traceFile, 'utf8'));
  const events = trace.traceEvents ?? trace;
  const thread = mainThread(events);
  const samples = cpuSamples(events, thread);
  const documentUrl = report.finalDisplayedUrl ?? base + pagePath;
  const origin = new URL(documentUrl).origin;
  const bootup = report.audits['bootup-time']?.details?.items ?? [];
  const scripts = new Set(
    [
      ...samples.flatMap((s) => s.stack.map((f) => f.url)),
      ...bootup.map((item) => item.url),
    ].filter((u) => u?.startsWith(`${origin}/_next/`) && u.endsWith('.js')),
  );
  for (const url of scripts) await loadMap(url);
  const locate = (url, line, column) => maps.get(url)?.(line, column);
  const { buckets, modules, blockingTotal } = attribute(samples, topLevelTasks(events, thread), {
    from: thread.fcp,
    documentUrl,
    locate,
  });
  if (!values['keep-traces']) rmSync(traceFile); // megabytes each; the report stays
  return {
    figures: figures(report),
    tables: lighthouseTables(report),
    samples: samples.length,
    buckets: Object.fromEntries(buckets),
    modules: Object.fromEntries(modules),
    blockingTotal,
  };
}

const ms = (n) => (Number.isFinite(n) ? `${Math.round(n).toLocaleString('en-US')} ms` : '—');
const pct = (n) => `${Math.round(n * 100)} %`;
const short = (url) => url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '') || '/';

/** Medians over runs of a per-key figure (a key missing from a run counts as 0 there). */
function medianBy(runsOf, pick) {
  const keys = new Set(runsOf.flatMap((r) => Object.keys(pick(r))));
  return Object.fromEntries([...keys].map((k) => [k, median(runsOf.map((r) => pick(r)[k] ?? 0))]));
}

/** The Markdown for one page. */
function pageReport(pagePath, results) {
  const f = (k) => median(results.map((r) => r.figures[k]));
  const tbt = f('tbtMs');
  const lines = [
    `### ${siteName} \`${pagePath}\``,
    '',
    `${results.length} traced runs; medians: Performance ${f('performance')}, TBT ${ms(tbt)} ` +
      `(runs ${results.map((r) => r.figures.tbtMs).join(', ')}), LCP ${ms(f('lcpMs'))}, ` +
      `JS transferred ${f('jsBytes').toLocaleString('en-US')} B; ${Math.round(median(results.map((r) => r.samples)))} CPU samples a run.`,
    '',
    'Lighthouse: main-thread work by kind (`mainthread-work-breakdown`, simulated phone)',
    '',
    '| kind | time |',
    '| --- | ---: |',
  ];
  const groups = medianBy(results, (r) => r.tables.groups);
  for (const [k, v] of Object.entries(groups).sort((a, b) => b[1] - a[1]))
    lines.push(`| ${k} | ${ms(v)} |`);

  lines.push(
    '',
    'Lighthouse: by script (`bootup-time`: total, of which evaluation and parse/compile; `long-tasks`: blocking past 50 ms of the simulated long tasks it attributes to the script)',
    '',
    '| script | holds (raw size; kinds of code by bytes) | total | evaluation | parse/compile | long tasks’ blocking |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  );
  const total = medianBy(results, (r) =>
    Object.fromEntries(Object.entries(r.tables.byUrl).map(([u, v]) => [u, v.total])),
  );
  const scripting = medianBy(results, (r) =>
    Object.fromEntries(Object.entries(r.tables.byUrl).map(([u, v]) => [u, v.scripting])),
  );
  const parse = medianBy(results, (r) =>
    Object.fromEntries(Object.entries(r.tables.byUrl).map(([u, v]) => [u, v.parse])),
  );
  const longTasks = medianBy(results, (r) => r.tables.longTasks);
  const urls = [...new Set([...Object.keys(total), ...Object.keys(longTasks)])].sort(
    (a, b) => (total[b] ?? 0) - (total[a] ?? 0),
  );
  for (const url of urls) {
    lines.push(
      `| \`${short(url)}\` | ${holds.get(url) ?? ''} | ${ms(total[url])} | ${ms(scripting[url])} | ${ms(parse[url])} | ${ms(longTasks[url] ?? 0)} |`,
    );
  }

  const buckets = medianBy(results, (r) =>
    Object.fromEntries(Object.entries(r.buckets).map(([k, v]) => [k, v.cpuMs])),
  );
  const blocking = medianBy(results, (r) =>
    Object.fromEntries(
      Object.entries(r.buckets).map(([k, v]) => [k, v.blockingMs / (r.blockingTotal || 1)]),
    ),
  );
  lines.push(
    '',
    `Trace: CPU samples by code (observed × ${CPU_SLOWDOWN}; share of the blocking time of tasks that would pass 50 ms, and that share of Lighthouse's TBT)`,
    '',
    '| code | CPU | share of blocking | ≈ TBT |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const [k, v] of Object.entries(buckets).sort((a, b) => b[1] - a[1])) {
    if (v < 1 && (blocking[k] ?? 0) < 0.005) continue;
    lines.push(`| ${k} | ${ms(v)} | ${pct(blocking[k] ?? 0)} | ${ms((blocking[k] ?? 0) * tbt)} |`);
  }
  const modules = medianBy(results, (r) =>
    Object.fromEntries(Object.entries(r.modules).map(([k, v]) => [k, v.cpuMs])),
  );
  const moduleBlocking = medianBy(results, (r) =>
    Object.fromEntries(
      Object.entries(r.modules).map(([k, v]) => [k, v.blockingMs / (r.blockingTotal || 1)]),
    ),
  );
  const bucketOf = Object.fromEntries(
    results.flatMap((r) => Object.entries(r.modules).map(([k, v]) => [k, v.bucket])),
  );
  // The dozen costliest modules, and every one of ours and of the libraries we chose.
  const sorted = Object.entries(modules).sort((a, b) => b[1] - a[1]);
  const shown = sorted.filter(([k], i) => i < 12 || /^(ours|library):/.test(bucketOf[k] ?? ''));
  lines.push(
    '',
    `Trace: modules by CPU (self time, observed × ${CPU_SLOWDOWN}; the top 12, then every one of ours and of our libraries)`,
    '',
    '| module | kind | CPU | share of blocking |',
    '| --- | --- | ---: | ---: |',
  );
  for (const [k, v] of shown) {
    lines.push(`| \`${k}\` | ${bucketOf[k] ?? ''} | ${ms(v)} | ${pct(moduleBlocking[k] ?? 0)} |`);
  }
  return lines.join('\n');
}

let base = values.base?.replace(/\/$/, '');
let server;
if (values.control) {
  const dir = await buildFloor();
  server = await startNext({ port: 3531, cwd: dir, readyPath: '/' });
  base = server.base;
} else if (!base) {
  server = await startNext({
    port: 3530,
    ...(values.dir ? { cwd: path.resolve(values.dir) } : {}),
    env: { COMMENTS_DB: path.join(out, 'comments.sqlite') },
    readyPath: pages[0],
  });
  base = server.base;
}
const loadAt = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
try {
  const header =
    `Lighthouse ${lighthouseVersion}, mobile defaults, ${siteName} at ${base}; ${os.cpus().length} cores, ` +
    `load ${loadAt()} at the start`;
  console.log(header);
  const all = {};
  const sections = [];
  for (const pagePath of pages) {
    await runLighthouse(
      base + pagePath,
      path.join(out, `${siteName}-${pageName(pagePath)}-warm-up.json`),
    );
    const results = [];
    for (let run = 1; run <= runs; run++)
      results.push(await tracedRun(base, pagePath, String(run)));
    all[pagePath] = results;
    const section = pageReport(pagePath, results);
    sections.push(section);
    console.log(`\n${section}`);
  }
  const footer = `load average at the end: ${loadAt()}`;
  console.log(`\n${footer}`);
  const stem = path.join(root, 'bench', '.scratch', `main-thread-${slug}`);
  writeFileSync(`${stem}.md`, `${header}\n\n${sections.join('\n\n')}\n\n${footer}\n`);
  writeFileSync(
    `${stem}.json`,
    `${JSON.stringify({ date: new Date().toISOString(), base, load: os.loadavg(), pages: all }, null, 2)}\n`,
  );
  console.log(`tables: ${path.relative(process.cwd(), stem)}.md (and .json)`);
} finally {
  await server?.stop();
}
