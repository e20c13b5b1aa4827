// 1,000 readers polling one live story (issue 21), against one standalone instance of this
// checkout's build serving the sample newsroom:
//   node bench/live-poll.mjs [--connections 1000] [--seconds 25]
// Needs `MASTHEAD_STANDALONE=1 npm run build` first. The instance is laid out as the image lays
// it out (test/checks/cluster/instances.mjs) in test/.scratch/bench-live-poll, with a copy of
// the content folder and a desk to publish from, so the checkout's build is only read (not
// under bench/: the desk's `npm run publish` would find bench/node_modules, whose zod is
// another). Five runs of autocannon, one after another, each `--connections` keep-alive
// connections for `--seconds`:
//   1. `<story>/live.json` at the pace 1,000 readers really poll, one poll each every 15 s
//      (67 a second; autocannon sends that over 67 connections): each connection a reader whose page has the current version and who sends
//      back the ETag it last got (If-None-Match), as the page's island does;
//   2. the same flat out: what one instance can take;
//   3. the same, with `npm run publish` of a new entry started early in the run;
//   4. the story's own page, flat out (what a reader's reload costs instead);
//   5. an ordinary article's page, flat out.
// For each: requests a second, p50/p95/p99 latency, the status split, how many connections got
// any answer, the server's CPU time (from /proc) per 1,000 answers, and how many times the
// story's page was rendered: Next's file-system cache writes the page's .html each time it
// renders it, so the bench watches that folder (no code of the site's is changed to count).
// After run 3, one request for the page shows that the count does see a render.
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { benchInstance, clusterUnavailable, root } from '../test/checks/cluster/instances.mjs';
import { freePorts } from '../test/support/ports.mjs';
import { benchTools } from './tools.mjs';

benchTools();
const { default: autocannon } = await import('autocannon');

const { values: args } = parseArgs({
  options: { connections: { type: 'string' }, seconds: { type: 'string' } },
});
const connections = Number(args.connections ?? 1000);
const seconds = Number(args.seconds ?? 25);
const SLUG = 'hollisport-transit-strike-live';
const STORY = `/politics/${SLUG}`;
const FEED = `${STORY}/live.json`;
const ARTICLE = '/technology/style-guide';

const why = clusterUnavailable();
if (why) throw new Error(why);
const { scratch, dir, desk, content, secret: SECRET, start } = benchInstance('bench-live-poll');
const [port] = await freePorts(1);
const server = await start(port);
const base = server.base;

/** The server's CPU time so far, in ms (utime + stime from /proc, in clock ticks of 10 ms). */
function cpuMs() {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
  return (Number(fields?.[11]) + Number(fields?.[12])) * 10;
}

/**
 * Each write of the story page's .html by Next's file-system cache: one render. Next 16 keeps
 * what it renders at run time under .next/server/route-cache/APP_PAGE/<build's hash>/$/<path>.
 */
const written = new Set();
const routeCache = path.join(dir, '.next', 'server', 'route-cache');
mkdirSync(routeCache, { recursive: true });
// One write may be reported more than once: a render is a new modification time.
const watcher = watch(routeCache, { recursive: true }, (_event, file) => {
  if (!file?.endsWith(`/politics/${SLUG}.html`)) return;
  try {
    written.add(statSync(path.join(routeCache, file)).mtimeMs);
  } catch {
    // replaced while we looked: the next event sees the new file
  }
});
const renderCount = () => written.size;
/** Renders since `before`, once a render that has just begun has had time to be written. */
const rendersSince = async (before) => {
  await sleep(1000);
  return renderCount() - before;
};

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * One autocannon run of `url`; `during` runs alongside, started `at` seconds in (early: under
 * this load the publish takes several seconds, and it must land inside the run).
 */
async function load(label, url, { revalidate = false, during, at = seconds / 5, rate } = {}) {
  const latencies = [];
  const statuses = {};
  const failures = {};
  const renderedBefore = renderCount();
  const cpuBefore = cpuMs();
  // Each connection is a reader whose page was rendered with the version current when the run
  // starts (the page gives the island its version), and who then sends back the ETag it last
  // got. autocannon starts each request with a fresh context, so a connection's ETag is kept by
  // its client: onResponse sees the answer's headers, then the 'response' event names the
  // client, then that client's next request is set up, all in one turn.
  const initial = revalidate
    ? await fetch(base + url).then(async (r) => (await r.text(), r.headers.get('etag')))
    : null;
  const etags = new Map();
  /** Per connection: how many 200s it got (a reader's page taking a new version). */
  const taken = new Map();
  const versions = new Set();
  let answered;
  let latest;
  const instance = autocannon({
    url: base + url,
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    // A poll slower than this has failed for its reader; autocannon's default is 10 s.
    timeout: 30,
    requests: [
      revalidate
        ? {
            method: 'GET',
            setupRequest: (request) => {
              const etag = (latest && etags.get(latest)) ?? initial;
              return etag
                ? { ...request, headers: { ...request.headers, 'if-none-match': etag } }
                : request;
            },
            onResponse: (_status, _body, _context, headers) => {
              answered = Object.entries(headers).find(([k]) => k.toLowerCase() === 'etag')?.[1];
            },
          }
        : { method: 'GET' },
    ],
  });
  instance.on('response', (client, status, _bytes, ms) => {
    if (answered) {
      etags.set(client, answered);
      versions.add(answered);
    }
    answered = undefined;
    latest = client;
    taken.set(client, (taken.get(client) ?? 0) + (status === 200 ? 1 : 0));
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  instance.on('reqError', (error) => {
    const code = error.code ?? error.message;
    failures[code] = (failures[code] ?? 0) + 1;
  });
  const side = during ? sleep(at * 1000).then(during) : Promise.resolve(undefined);
  const [result, sideResult] = await Promise.all([instance, side]);
  const cpu = cpuMs() - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    label,
    url,
    connections,
    seconds,
    requests: result.requests.total,
    perSecond: Math.round(result.requests.total / seconds),
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    statuses,
    errors: result.errors,
    failures,
    cpuMsPer1000: Math.round((cpu / Math.max(1, result.requests.total)) * 1000),
    renders: await rendersSince(renderedBefore),
    versions: versions.size,
    // Connections that got any answer: the rest waited in the listen queue all the run.
    readers: taken.size,
    readersTook: [...taken.values()].filter((n) => n > 0).length,
    mostTakenByOne: Math.max(0, ...taken.values()),
    ...(sideResult ? { during: sideResult } : {}),
  };
}

/** A new entry, this minute, in the desk's copy of the story, then `npm run publish`. */
async function publishEntry() {
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const time = minute.toISOString().replace('.000Z', 'Z');
  appendFileSync(
    path.join(desk, 'content', 'articles', `${SLUG}.mdx`),
    `\n<Update time="${time}" title="Published while 1,000 readers polled">\n\nA new entry.\n\n</Update>\n`,
  );
  const started = Date.now();
  await promisify(execFile)(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(desk, 'scripts', 'publish.ts'), '--server', base],
    { cwd: desk, env: { ...process.env, PUBLISH_SECRET: SECRET, MASTHEAD_CONTENT_DIR: content } },
  );
  return { publishMs: Date.now() - started };
}

const results = [];
try {
  // Warm: the story and the article rendered and cached, the feed's JSON made.
  for (const url of [STORY, STORY, ARTICLE, ARTICLE, FEED]) await fetch(base + url);
  await autocannon({ url: base + FEED, connections: 50, duration: 3 });
  // What 1,000 readers really ask: one poll each every 15 s. autocannon spreads an overall rate
  // over whole requests a second per connection, so it is `pace` connections asking once a
  // second: the same polls a second, fewer sockets.
  const pace = Math.round(connections / 15);
  results.push(
    await load(`live.json, If-None-Match, at the readers' pace (${pace}/s)`, FEED, {
      revalidate: true,
      rate: pace,
    }),
  );
  results.push(await load('live.json, If-None-Match', FEED, { revalidate: true }));
  results.push(
    await load('live.json, If-None-Match, a publish in the middle', FEED, {
      revalidate: true,
      during: publishEntry,
    }),
  );
  // The count sees a render: one reader reloads the page the publish revalidated.
  const before = renderCount();
  const reload = await fetch(base + STORY);
  await reload.text();
  await fetch(base + STORY).then((r) => r.text()); // a stale answer renders in the background
  for (const deadline = Date.now() + 15_000; renderCount() === before && Date.now() < deadline;)
    await sleep(100);
  const controlRenders = await rendersSince(before);
  results.push(await load('the story’s page (a reload)', STORY));
  results.push(await load('an ordinary article’s page', ARTICLE));
  const record = {
    date: new Date().toISOString(),
    cores: os.cpus().length,
    load: os.loadavg().map((l) => l.toFixed(2)),
    controlRenders,
    results,
  };
  mkdirSync(path.join(root, 'bench', '.scratch'), { recursive: true });
  appendFileSync(
    path.join(root, 'bench', '.scratch', 'live-poll-results.jsonl'),
    `${JSON.stringify(record)}\n`,
  );
  console.log(
    `${record.date}, ${record.cores} cores, load ${record.load.join(' ')}; one reload after the publish rendered the page ${controlRenders} time(s)`,
  );
  console.log(
    '| load | requests/s | p50 | p95 | p99 | 200 | 304 | other | errors | connections answered | server CPU per 1,000 | page renders |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    if (Object.keys(r.failures).length > 0)
      console.log(`<!-- ${r.label}: ${JSON.stringify(r.failures)} -->`);
    const { 200: ok = 0, 304: notModified = 0, ...other } = r.statuses;
    const others = Object.values(other).reduce((a, b) => a + b, 0);
    console.log(
      `| ${r.label}${r.during ? ` (publish took ${(r.during.publishMs / 1000).toFixed(1)} s; versions seen: ${r.versions}; ${r.readersTook} of ${r.readers} connections took the new one, at most ${r.mostTakenByOne} 200 each)` : ''} | ${r.perSecond} | ${r.p50} ms | ${r.p95} ms | ${r.p99} ms | ${ok} | ${notModified} | ${others} | ${r.errors} | ${r.readers} | ${r.cpuMsPer1000} ms | ${r.renders} |`,
    );
  }
} finally {
  watcher.close();
  await server.stop();
  if (!process.env.KEEP_SCRATCH) rmSync(scratch, { recursive: true, force: true });
}
