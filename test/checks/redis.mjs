// Redis as operators run it. Part of command B, after the production build.
//   node test/checks/redis.mjs
// A production server with REDIS_URL, against a redis-server of its own on loopback in each
// state an operator's Redis can be in: stock (installed with no settings: the server sets
// notify-keyspace-events as it starts, and again when Redis restarts without it), paused
// (CLIENT PAUSE), busy (DEBUG SLEEP), full (maxmemory with noeviction), read-only (a replica
// whose master is gone) and gone (killed); and stock with CONFIG renamed away, as managed
// services do, where the server must refuse to start and name the setting. In every state an
// article that has to be rendered, the front page and /api/health must answer 200 within about
// a second more than they take with a healthy Redis (docs/decisions/020). Exit 0 only when all
// held.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { privateRedis, privateRedisUnavailable } from '../support/private-redis.mjs';
import { refusedNext, startNext } from '../support/server.mjs';

const PORTS = { server: 3252, refused: 3253, redis: 56257, refusedRedis: 56258, deadMaster: 56259 };
/** What Redis may add to a page, over what the same page takes with Redis healthy. */
const ALLOWED_EXTRA_MS = 1_000;
/** A page is a second at most, plus the render it always had: a stock Redis took 60 s. */
const SLACK_MS = 300;

let failures = 0;
function report(ok, line) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (!ok) failures += 1;
}

const why = privateRedisUnavailable();
if (why) {
  report(false, `Redis cannot run here: ${why}`);
  process.exit(1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'masthead-check-redis-'));
const env = (redisUrl) => ({
  REDIS_URL: redisUrl,
  COMMENTS_SECRET: randomBytes(32).toString('hex'),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  COMMENTS_DB: path.join(dataDir, 'comments.sqlite'),
  // Nothing written into the checkout's data/.
  MASTHEAD_DATA_DIR: dataDir,
});

/** Milliseconds and status of one request, given up on at 90 s (a stock Redis took 60). */
async function timed(base, url) {
  const started = performance.now();
  try {
    const response = await fetch(base + url, { signal: AbortSignal.timeout(90_000) });
    await response.arrayBuffer();
    return { status: response.status, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 0, ms: Math.round(performance.now() - started), error: error.message };
  }
}

/** Articles in the sitemap, newest first: the check renders a fresh one in each state. */
async function articles(base) {
  const xml = await (await fetch(`${base}/sitemap.xml`)).text();
  return [...xml.matchAll(/<loc>https?:\/\/[^/]+(\/[a-z-]+\/[a-z0-9-]+)<\/loc>/g)]
    .map((m) => m[1])
    .filter((u) => !/^\/(tags|authors|page)\//.test(u));
}

const redis = await privateRedis(PORTS.redis, {
  stock: true,
  args: ['--enable-debug-command', 'local'],
});
const notifyFlags = () => redis.cli('CONFIG', 'GET', 'notify-keyspace-events').split('\n')[1] ?? '';
let server;
try {
  // Stock, CONFIG allowed: the server sets what the cache needs, merged with what is there.
  report(notifyFlags() === '', 'the private Redis starts stock: notify-keyspace-events is empty');
  server = await startNext({ port: PORTS.server, env: env(redis.url), readyPath: '/api/health' });
  const flags = notifyFlags();
  report(
    /E/.test(flags) && /x/.test(flags) && /e/.test(flags),
    `stock Redis: the server set notify-keyspace-events as it started (now "${flags}")`,
  );
  report(
    /notify-keyspace-events was ""/.test(server.log()),
    'stock Redis: the server said it set notify-keyspace-events',
  );
  const base = server.base;
  const pool = await articles(base);
  report(pool.length >= 12, `${pool.length} articles to render, a fresh one in each state`);

  /** Measures a fresh article, the front page and the health route in the state `name`. */
  const baseline = {};
  async function measure(name) {
    const article = pool.shift();
    const results = {
      article: await timed(base, article),
      front: await timed(base, '/'),
      health: await timed(base, '/api/health'),
    };
    if (name === 'healthy') {
      for (const [what, r] of Object.entries(results)) baseline[what] = r.ms;
    }
    for (const [what, r] of Object.entries(results)) {
      const limit = (baseline[what] ?? 0) + ALLOWED_EXTRA_MS + SLACK_MS;
      const judged = name !== 'healthy' && name !== 'warm-up';
      const ok = r.status === 200 && (!judged || r.ms <= limit);
      report(
        ok,
        `${name}: ${what === 'article' ? article : what} answered ${r.status} in ${r.ms} ms` +
          (judged ? ` (at most ${limit} ms)` : '') +
          (r.error ? ` (${r.error})` : ''),
      );
    }
  }

  // Twice healthy: the first request of a server pays for its start, not for Redis.
  await measure('warm-up');
  await measure('healthy');

  redis.cli('CLIENT', 'PAUSE', '5000', 'ALL');
  await measure('paused (CLIENT PAUSE 5000 ALL)');
  await sleep(5_000);

  // Not redis.cli, which would hold this process for the whole sleep too.
  const sleeper = promisify(execFile)('redis-cli', [
    '-p',
    String(PORTS.redis),
    'DEBUG',
    'SLEEP',
    '4',
  ]);
  await sleep(200);
  await measure('busy (DEBUG SLEEP 4)');
  await sleeper;

  redis.cli('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
  redis.cli('CONFIG', 'SET', 'maxmemory', '1mb');
  report(
    /OOM/.test(redis.cli('SET', 'masthead:check', 'x'.repeat(100_000))),
    'full: Redis refuses writes (OOM)',
  );
  await measure('full (maxmemory 1mb, noeviction)');
  redis.cli('CONFIG', 'SET', 'maxmemory', '0');

  redis.cli('REPLICAOF', '127.0.0.1', String(PORTS.deadMaster));
  report(
    /READONLY/.test(redis.cli('SET', 'masthead:check', 'x')),
    'read-only: Redis refuses writes (READONLY)',
  );
  await measure('read-only (replica of a master that is gone)');
  redis.cli('REPLICAOF', 'NO', 'ONE');

  await redis.stop();
  await measure('gone (killed)');

  // Back, stock again (a restart forgets CONFIG SET): set again, and used again.
  await redis.start();
  let again = '';
  for (let i = 0; i < 100 && !/E/.test(again); i++) {
    await sleep(100);
    again = notifyFlags();
  }
  report(
    /E/.test(again) && /x/.test(again),
    `restarted stock: set again on reconnect ("${again}")`,
  );
  await sleep(2_000);
  await measure('back');
  const article = pool[0];
  await timed(base, article);
  const keys = redis.cli('--scan', '--pattern', `masthead:*${article}*`);
  report(keys.length > 0, `back: the cache is written to Redis again (${article})`);
} finally {
  await server?.stop();
  await redis.destroy();
}

// Stock with CONFIG renamed away, as on managed services: refuse to start, naming the setting.
const locked = await privateRedis(PORTS.refusedRedis, {
  stock: true,
  args: ['--rename-command', 'CONFIG', '""'],
});
try {
  const started = Date.now();
  const { code, said } = await refusedNext({ port: PORTS.refused, env: env(locked.url) });
  report(
    code === 1 && /notify-keyspace-events/.test(said),
    `CONFIG renamed away, no events: the server refused to start (exit ${code}) in ${Date.now() - started} ms` +
      ` and named notify-keyspace-events`,
  );
} finally {
  await locked.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(failures === 0 ? '\nRedis: every check held.' : `\nRedis: ${failures} failed.`);
process.exit(failures === 0 ? 0 : 1);
