// `next start` against a plain static file server, both serving the same prerendered article.
//   node bench/serving.mjs [--connections 10] [--seconds 10] [--rounds 3] [--path /world/…]
// Needs a production build (npm run build). Starts `next start` on 127.0.0.1:3510 and `serve`
// (Vercel's static server) on 127.0.0.1:3511 with a copy of the article's prerendered HTML from
// .next/server/app, warms both, then runs autocannon against one, then the other, alternating
// which goes first, for --rounds rounds: first without Accept-Encoding (neither compresses), then
// with `Accept-Encoding: gzip` (both compress on the fly, Next by default, serve by default).
// Loopback only; every run is bounded by --seconds; both servers are stopped at the end.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startNext, startServer } from '../test/support/server.mjs';
import { benchTools } from './tools.mjs';

benchTools();
const { default: autocannon } = await import('autocannon');

const { values: args } = parseArgs({
  options: Object.fromEntries(
    ['connections', 'seconds', 'rounds', 'path'].map((name) => [name, { type: 'string' }]),
  ),
});
const connections = Number(args.connections ?? 10);
const seconds = Number(args.seconds ?? 10);
const rounds = Number(args.rounds ?? 3);
const articlePath = args.path ?? '/world/kim-new-year-message-putin-alliance';
const root = path.resolve(import.meta.dirname, '..');
const scratch = path.join(root, 'bench', '.scratch', 'serving');
const require = createRequire(import.meta.url);

const prerendered = path.join(root, '.next', 'server', 'app', `${articlePath}.html`);
if (!existsSync(prerendered)) throw new Error(`no ${prerendered}: run npm run build first`);
// The static server gets the prerendered file under the same URL (serve maps /a/b to a/b.html).
rmSync(scratch, { recursive: true, force: true });
mkdirSync(path.dirname(path.join(scratch, 'www', articlePath)), { recursive: true });
cpSync(prerendered, path.join(scratch, 'www', `${articlePath}.html`));

const ports = { next: 3510, static: 3511 };
const serveMain = path.join(
  path.dirname(require.resolve('serve/package.json')),
  'build',
  'main.js',
);
const url = (name) => `http://127.0.0.1:${ports[name]}${articlePath}`;
const headersFor = (gzip) => (gzip ? { 'accept-encoding': 'gzip' } : {});

/** One bounded autocannon run. */
async function load(name, gzip, duration) {
  const result = await autocannon({
    url: url(name),
    connections,
    duration,
    headers: headersFor(gzip),
  });
  return {
    server: name,
    gzip,
    requests: result.requests.total,
    reqPerS: result.requests.average,
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    bytesPerS: result.throughput.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** What Next says it did with the page: HIT from its cache, or STALE and regenerating. */
async function nextCache() {
  return (await fetch(url('next'))).headers.get('x-nextjs-cache');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const started = await Promise.all([
  // A database of its own: ISR regenerations read the comments from it.
  startNext({
    port: ports.next,
    env: { COMMENTS_DB: path.join(scratch, 'comments.sqlite') },
    readyPath: articlePath,
  }),
  startServer({
    argv: [
      serveMain,
      '--listen',
      `tcp://127.0.0.1:${ports.static}`,
      '--no-request-logging',
      '--no-clipboard',
      '--no-port-switching',
      path.join(scratch, 'www'),
    ],
    readyUrl: url('static'),
  }),
]);
try {
  const bodies = {};
  for (const name of Object.keys(ports)) {
    bodies[name] = await (
      await fetch(url(name), { headers: { 'accept-encoding': 'identity' } })
    )
      .text()
      .then((text) => Buffer.byteLength(text));
  }
  const fileBytes = readFileSync(prerendered).length;

  const load1 = os.loadavg()[0];
  console.log(
    `${os.cpus().length} cores, load ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}; ${connections} connections, ${seconds} s a run, ${rounds} rounds each way`,
  );
  console.log(
    `page: ${articlePath}, prerendered ${fileBytes} B; next serves ${bodies.next} B, static ${bodies.static} B`,
  );

  const runs = [];
  for (const gzip of [false, true]) {
    // Warm both: JIT, Next's in-memory cache, gzip buffers. Not counted.
    for (const name of Object.keys(ports)) await load(name, gzip, 2);
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? ['next', 'static'] : ['static', 'next'];
      for (const name of order) {
        const before = name === 'next' ? await nextCache() : undefined;
        const run = { round, ...(await load(name, gzip, seconds)) };
        if (name === 'next') run.cache = `${before}→${await nextCache()}`;
        runs.push(run);
        console.log(
          [
            gzip ? 'gzip ' : 'plain',
            `round ${round}`,
            name.padEnd(6),
            `${run.reqPerS.toFixed(0).padStart(6)} req/s`,
            `p50 ${run.p50ms} ms`,
            `p99 ${run.p99ms} ms`,
            `${(run.bytesPerS / 1024 / 1024).toFixed(1)} MiB/s`,
            `${run.requests} requests`,
            `errors ${run.errors}`,
            `non-2xx ${run.non2xx}`,
            run.cache ? `x-nextjs-cache ${run.cache}` : '',
          ].join('  '),
        );
      }
    }
  }

  const summary = [false, true].map((gzip) => {
    const of = (name) => runs.filter((r) => r.gzip === gzip && r.server === name);
    const next = median(of('next').map((r) => r.reqPerS));
    const stat = median(of('static').map((r) => r.reqPerS));
    return {
      gzip,
      nextReqPerS: Math.round(next),
      staticReqPerS: Math.round(stat),
      ratio: Number((next / stat).toFixed(2)),
    };
  });
  console.log('\nmedian req/s of the rounds:');
  for (const s of summary) {
    console.log(
      `  ${s.gzip ? 'gzip ' : 'plain'}  next ${s.nextReqPerS}  static ${s.staticReqPerS}  next/static ${s.ratio}`,
    );
  }
  console.log(`load average after: ${os.loadavg()[0].toFixed(2)} (before: ${load1.toFixed(2)})`);
  appendFileSync(
    path.join(root, 'bench', '.scratch', 'serving-results.jsonl'),
    `${JSON.stringify({ date: new Date().toISOString(), connections, seconds, rounds, articlePath, bodies, runs, summary })}\n`,
  );
} finally {
  await Promise.all(started.map((server) => server.stop()));
}
