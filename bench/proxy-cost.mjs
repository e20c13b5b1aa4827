// What proxy.ts costs a reader: the same build with and without it, serving the same pages.
//   node bench/proxy-cost.mjs [--connections 10] [--seconds 10] [--rounds 3] [--path /world/…]
// Needs a production build here (npm run build). Copies this commit (git archive HEAD) twice
// into bench/.scratch/proxy-cost: `without`, with proxy.ts removed, and `empty`, with a proxy.ts
// that only lets every request through (same matcher), which is what Next's proxy machinery
// costs by itself; builds each with the same MASTHEAD_* settings (once; delete a folder to build
// it again). Then starts `next start` on 127.0.0.1:3231 (this build), :3232 (empty) and :3233
// (without), warms them, and runs autocannon against each in turn, rotating which goes first,
// for --rounds rounds: on a prerendered article, and on one invented article (with the proxy,
// its 404; without, Next's cached 404 after the first request). Loopback only; the servers are
// stopped at the end.
import { execSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../test/support/server.mjs';
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
const inventedPath = '/world/no-such-story-for-the-proxy-bench';
const root = path.resolve(import.meta.dirname, '..');
const scratch = path.join(root, 'bench', '.scratch', 'proxy-cost');
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const EMPTY_PROXY = `import { NextResponse } from 'next/server';

export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: ['/((?!_next/|__nextjs).*)'] };
`;

/** A built copy of this commit whose proxy.ts is `proxy` (or none). */
function copy(name, proxy) {
  const dir = path.join(scratch, name);
  if (existsSync(path.join(dir, '.next', 'BUILD_ID'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive HEAD | tar -x -C ${JSON.stringify(dir)}`, { cwd: root });
  if (proxy) writeFileSync(path.join(dir, 'proxy.ts'), proxy);
  else rmSync(path.join(dir, 'proxy.ts'));
  // It tests the real proxy.ts, which `next build` type-checks with everything else.
  rmSync(path.join(dir, 'lib', 'routing', 'proxy.test.ts'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  console.log(`building ${dir}…`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: dir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`the build in ${dir} failed`);
  return dir;
}

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('run npm run build first');

// `next start <dir>` serves that folder's build. The pages measured are prerendered and read no
// content at request time; the content both builds were made from is the same.
const servers = {
  with: { dir: root, port: 3231 },
  empty: { dir: copy('empty', EMPTY_PROXY), port: 3232 },
  without: { dir: copy('without'), port: 3233 },
};
const url = (name, pathname) => `http://127.0.0.1:${servers[name].port}${pathname}`;

async function load(name, pathname, duration) {
  const result = await autocannon({ url: url(name, pathname), connections, duration });
  return {
    server: name,
    path: pathname,
    requests: result.requests.total,
    reqPerS: result.requests.average,
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
    ),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** test/support/server.mjs waits for anything to answer: a server left on the port would be measured. */
async function assertFree(port) {
  const answered = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`something already answers on port ${port}: stop it first`);
}

for (const { port } of Object.values(servers)) await assertFree(port);
const started = await Promise.all(
  Object.entries(servers).map(([name, { dir, port }]) =>
    startServer({
      argv: [nextBin, 'start', dir, '-p', String(port), '-H', '127.0.0.1'],
      env: { COMMENTS_DB: path.join(scratch, `comments-${name}.sqlite`) },
      readyUrl: url(name, articlePath),
    }),
  ),
);
try {
  console.log(
    `${os.cpus().length} cores, load ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}; ${connections} connections, ${seconds} s a run, ${rounds} rounds each way`,
  );
  const runs = [];
  for (const pathname of [articlePath, inventedPath]) {
    for (const name of Object.keys(servers)) await load(name, pathname, 2); // warm, not counted
    for (let round = 1; round <= rounds; round++) {
      const names = Object.keys(servers);
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const name of order) {
        const run = { round, ...(await load(name, pathname, seconds)) };
        runs.push(run);
        console.log(
          [
            pathname === articlePath ? 'article ' : 'invented',
            `round ${round}`,
            `${name.padEnd(7)} proxy`,
            `${run.reqPerS.toFixed(0).padStart(6)} req/s`,
            `p50 ${run.p50ms} ms`,
            `p99 ${run.p99ms} ms`,
            `statuses ${JSON.stringify(run.statuses)}`,
            `errors ${run.errors}`,
          ].join('  '),
        );
      }
    }
  }
  console.log('\nmedian of the rounds:');
  const summary = [];
  for (const pathname of [articlePath, inventedPath]) {
    for (const name of Object.keys(servers)) {
      const of = runs.filter((r) => r.server === name && r.path === pathname);
      const row = {
        path: pathname,
        server: name,
        reqPerS: Math.round(median(of.map((r) => r.reqPerS))),
        p50ms: median(of.map((r) => r.p50ms)),
        p99ms: median(of.map((r) => r.p99ms)),
      };
      summary.push(row);
      console.log(
        `  ${pathname}  ${name.padEnd(7)} proxy  ${row.reqPerS} req/s  p50 ${row.p50ms} ms  p99 ${row.p99ms} ms`,
      );
    }
  }
  console.log(`load average after: ${os.loadavg()[0].toFixed(2)}`);
  appendFileSync(
    path.join(scratch, 'results.jsonl'),
    `${JSON.stringify({ date: new Date().toISOString(), connections, seconds, rounds, runs, summary })}\n`,
  );
} finally {
  await Promise.all(started.map((server) => server.stop()));
}
