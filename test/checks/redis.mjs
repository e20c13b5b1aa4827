// Redis as operators run it. Part of command B, after the production build.
//   node test/run/check.mjs redis [--only "pattern"]
// A production server with REDIS_URL, against a redis-server of its own on loopback in each
// state an operator's Redis can be in: stock (installed with no settings: the server sets
// notify-keyspace-events as it starts, and again when Redis restarts without it), paused
// (CLIENT PAUSE), busy (DEBUG SLEEP), full (maxmemory with noeviction), read-only (a replica
// whose master is gone) and gone (killed); and stock with CONFIG renamed away, as managed
// services do, where the server must refuse to start and name the setting. In every state an
// article that has to be rendered, the front page and /api/health must answer 200 within a few
// seconds of what they take with a healthy Redis, while the outage lasts 10 s: a page that
// waited for Redis would be 10 s late (docs/decisions/020). How long they take is a figure for
// the benchmarks (Redis's commands give up after 500 ms); this check proves nothing waits. Each state is a
// scenario; one run alone is judged against the healthy baseline all the same. Ports from the
// OS. The server serves the main build as it is, without a copy (which takes longer than the
// check): with REDIS_URL it keeps rendered pages in Redis, never beside the build, and the
// last scenario holds it to that.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort, freePorts } from '../support/ports.mjs';
import { privateRedis, privateRedisUnavailable } from '../support/private-redis.mjs';
import { refusedNext, startNext } from '../support/server.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
/** How long Redis is paused or asleep: a page that waited for it would be this much late. */
const OUTAGE_S = 10;
/**
 * What Redis may add to a page, over what the same page takes with Redis healthy. Far under the
 * outage, yet above what a machine running command B's other lanes adds to one render (1.3 s
 * seen in CI with a 1 s allowance): a stock Redis took 60 s.
 */
const ALLOWED_EXTRA_MS = 3_000;
const SLACK_MS = 300;

/** `fn` run at most once, by whichever scenario needs its result first. */
const once = (fn) => {
  let result;
  return () => (result ??= fn());
};

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

/** What of the checkout's build, content store, data and content was written after `since`. */
function writtenSince(since) {
  const written = [];
  for (const top of ['.next', '.masthead', 'data', 'content']) {
    const dir = path.join(root, top);
    if (!existsSync(dir)) continue;
    for (const entry of ['', ...readdirSync(dir, { recursive: true })]) {
      const file = path.join(dir, String(entry));
      try {
        if (lstatSync(file).mtimeMs > since) written.push(path.relative(root, file));
      } catch {
        // Gone since the listing: not something this check wrote.
      }
    }
  }
  return written;
}

let startedAt;
let dataDir;
const env = (redisUrl) => ({
  REDIS_URL: redisUrl,
  COMMENTS_SECRET: randomBytes(32).toString('hex'),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  COMMENTS_DB: path.join(dataDir, 'comments.sqlite'),
  // Nothing written into the checkout's data/.
  MASTHEAD_DATA_DIR: dataDir,
});

before(() => {
  const why = privateRedisUnavailable();
  if (why) throw new Error(`Redis cannot run here: ${why}`);
  startedAt = Date.now();
  dataDir = mkdtempSync(path.join(tmpdir(), 'masthead-check-redis-'));
});
after(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("a production server on Redis in each state an operator's Redis can be in", () => {
  let redis;
  let server;
  let deadMaster;
  let flagsAtStart;
  let flagsAfterStart;
  let pool = [];
  let poolSize = 0;
  const notifyFlags = () =>
    redis.cli('CONFIG', 'GET', 'notify-keyspace-events').split('\n')[1] ?? '';

  before(async () => {
    let serverPort;
    let redisPort;
    // The third, a port nothing listens on: the master of a replica whose master is gone.
    [serverPort, redisPort, deadMaster] = await freePorts(3);
    redis = await privateRedis(redisPort, {
      stock: true,
      args: ['--enable-debug-command', 'local'],
    });
    flagsAtStart = notifyFlags();
    server = await startNext({
      port: serverPort,
      env: env(redis.url),
      readyPath: '/api/health',
    });
    flagsAfterStart = notifyFlags();
    pool = await articles(server.base);
    poolSize = pool.length;
  });
  after(async () => {
    await server?.stop();
    await redis?.destroy();
  });

  /**
   * A fresh article, the front page and the health route in the state `name`: each line said
   * as a diagnostic, and those that failed returned. Judged against the healthy baseline
   * unless `baseline` is undefined.
   */
  async function measure(t, name, baseline) {
    const article = pool.shift();
    assert.ok(article, 'no fresh article left to render');
    const results = {
      article: await timed(server.base, article),
      front: await timed(server.base, '/'),
      health: await timed(server.base, '/api/health'),
    };
    const failed = [];
    for (const [what, r] of Object.entries(results)) {
      const limit = baseline && baseline[what] + ALLOWED_EXTRA_MS + SLACK_MS;
      const ok = r.status === 200 && (limit === undefined || r.ms <= limit);
      const line =
        `${name}: ${what === 'article' ? article : what} answered ${r.status} in ${r.ms} ms` +
        (limit === undefined ? '' : ` (at most ${limit} ms)`) +
        (r.error ? ` (${r.error})` : '');
      t.diagnostic(`${ok ? 'ok' : 'FAIL'} ${line}`);
      if (!ok) failed.push(line);
    }
    return { results, failed };
  }

  // Twice healthy: the first request of a server pays for its start, not for Redis.
  const healthy = once(async () => {
    const diagnostics = [];
    const t = { diagnostic: (line) => diagnostics.push(line) };
    const warmUp = await measure(t, 'warm-up');
    const measured = await measure(t, 'healthy');
    const baseline = Object.fromEntries(
      Object.entries(measured.results).map(([what, r]) => [what, r.ms]),
    );
    return { failed: [...warmUp.failed, ...measured.failed], diagnostics, baseline };
  });

  /** Measures the state `name` against the healthy baseline; fails if any page failed. */
  async function judge(t, name) {
    const { baseline } = await healthy();
    const { failed } = await measure(t, name, baseline);
    assert.deepEqual(failed, [], `${name}: a page failed or was late`);
  }

  test('the private Redis starts stock: notify-keyspace-events is empty', () => {
    assert.equal(flagsAtStart, '');
  });

  test('stock Redis: the server set notify-keyspace-events as it started', (t) => {
    t.diagnostic(`now "${flagsAfterStart}"`);
    assert.match(flagsAfterStart, /E/);
    assert.match(flagsAfterStart, /x/);
    assert.match(flagsAfterStart, /e/);
  });

  test('stock Redis: the server said it set notify-keyspace-events', () => {
    assert.match(server.log(), /notify-keyspace-events was ""/);
  });

  test('the sitemap lists at least 12 articles, a fresh one to render in each state', (t) => {
    t.diagnostic(`${poolSize} articles`);
    assert.ok(poolSize >= 12, `${poolSize} articles`);
  });

  test('healthy Redis: a fresh article, the front page and /api/health answer 200 (the baseline)', async (t) => {
    const { failed, diagnostics } = await healthy();
    for (const line of diagnostics) t.diagnostic(line);
    assert.deepEqual(failed, []);
  });

  test(`paused (CLIENT PAUSE ${OUTAGE_S * 1000} ALL): pages answer 200 without waiting for Redis`, async (t) => {
    await healthy();
    const pausedAt = Date.now();
    redis.cli('CLIENT', 'PAUSE', String(OUTAGE_S * 1000), 'ALL');
    try {
      await judge(t, `paused (CLIENT PAUSE ${OUTAGE_S * 1000} ALL)`);
    } finally {
      await sleep(Math.max(0, OUTAGE_S * 1000 - (Date.now() - pausedAt)));
    }
  });

  test(`busy (DEBUG SLEEP ${OUTAGE_S}): pages answer 200 without waiting for Redis`, async (t) => {
    await healthy();
    // Not redis.cli, which would hold this process for the whole sleep too.
    const sleeper = promisify(execFile)('redis-cli', [
      '-p',
      new URL(redis.url).port,
      'DEBUG',
      'SLEEP',
      String(OUTAGE_S),
    ]);
    try {
      await sleep(200);
      await judge(t, `busy (DEBUG SLEEP ${OUTAGE_S})`);
    } finally {
      await sleeper;
    }
  });

  test('full (maxmemory 1mb, noeviction): Redis refuses writes (OOM), pages answer 200 without waiting for Redis', async (t) => {
    await healthy();
    redis.cli('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    redis.cli('CONFIG', 'SET', 'maxmemory', '1mb');
    try {
      assert.match(redis.cli('SET', 'masthead:check', 'x'.repeat(100_000)), /OOM/);
      await judge(t, 'full (maxmemory 1mb, noeviction)');
    } finally {
      redis.cli('CONFIG', 'SET', 'maxmemory', '0');
    }
  });

  test('read-only (a replica whose master is gone): Redis refuses writes (READONLY), pages answer 200 without waiting for Redis', async (t) => {
    await healthy();
    redis.cli('REPLICAOF', '127.0.0.1', String(deadMaster));
    try {
      assert.match(redis.cli('SET', 'masthead:check', 'x'), /READONLY/);
      await judge(t, 'read-only (replica of a master that is gone)');
    } finally {
      redis.cli('REPLICAOF', 'NO', 'ONE');
    }
  });

  const gone = once(() => redis.stop());

  test('gone (killed): pages answer 200 without waiting for Redis', async (t) => {
    await healthy();
    await gone();
    await judge(t, 'gone (killed)');
  });

  // Back, stock again (a restart forgets CONFIG SET): set again, and used again.
  const restarted = once(async () => {
    await healthy();
    await gone();
    await redis.start();
    let again = '';
    for (let i = 0; i < 100 && !/E/.test(again); i++) {
      await sleep(100);
      again = notifyFlags();
    }
    return again;
  });

  test('Redis restarted stock: the server sets notify-keyspace-events again on reconnect', async (t) => {
    const again = await restarted();
    t.diagnostic(`now "${again}"`);
    assert.match(again, /E/);
    assert.match(again, /x/);
  });

  test('Redis back: pages answer 200 without waiting for Redis, and the cache is written to Redis again', async (t) => {
    await restarted();
    await sleep(2_000);
    await judge(t, 'back');
    const article = pool[0];
    assert.ok(article, 'no fresh article left to render');
    await timed(server.base, article);
    const keys = redis.cli('--scan', '--pattern', `masthead:*${article}*`);
    t.diagnostic(`keys for ${article}: ${keys ? keys.split('\n').length : 0}`);
    assert.ok(keys.length > 0, `no key in Redis for ${article}`);
  });
});

describe('a Redis with CONFIG renamed away, as on managed services', () => {
  let locked;
  before(async () => {
    locked = await privateRedis(await freePort(), {
      stock: true,
      args: ['--rename-command', 'CONFIG', '""'],
    });
  });
  after(async () => {
    await locked?.destroy();
  });

  test('no keyspace events and no CONFIG: the server refuses to start and names notify-keyspace-events', async (t) => {
    const started = Date.now();
    const { code, said } = await refusedNext({
      port: await freePort(),
      env: env(locked.url),
    });
    t.diagnostic(`exit ${code} after ${Date.now() - started} ms`);
    assert.equal(code, 1, said.slice(-300));
    assert.match(said, /notify-keyspace-events/);
  });
});

// Other checks and the e2e run serve the same build at the same time: this one must leave it be.
test("the checkout's build, content store, data and content are left as they were", (t) => {
  const written = writtenSince(startedAt);
  for (const file of written.slice(0, 10)) t.diagnostic(`written: ${file}`);
  assert.deepEqual(written, []);
});
