// More than one machine, for real. Part of command B, after the production build.
//   node test/checks/cluster.mjs [--figures bench/.scratch/cluster-figures.json]
// PostgreSQL and Redis of its own, two copies of the standalone server (laid out as the
// container image lays them out) sharing one content folder, and nginx in front with the
// configuration compose.yaml uses, all on loopback. Through the proxy: a comment posted and
// approved (in a browser, and from the terminal) shows on both instances within 2 s; a publish
// shows on both; an admin session works on either; an instance with another secret, or none,
// refuses to start and says which; Redis stopping leaves pages and comments working, and
// sharing resumes when it is back; throughput with one and two instances; and one instance
// killed with SIGKILL in the middle of 20 s of readers and commenters. Exit 0 only when all held.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { chromium } from '@playwright/test';
import {
  clusterUnavailable,
  deskCopy,
  layOutInstance,
  root,
  sharedContent,
  sharedSecrets,
  startInstance,
  startNginx,
  startRefused,
} from './cluster/instances.mjs';
import { fetchFrom, getLoad, percentile, summarize } from './cluster/load.mjs';
import { commentPoster, tokenWait } from '../support/comment-form.mjs';
import { privatePostgres, privatePostgresUnavailable } from '../support/private-postgres.mjs';
import { privateRedis, privateRedisUnavailable } from '../support/private-redis.mjs';

const run = randomBytes(4).toString('hex');
const scratch = path.join(root, 'bench', '.scratch', 'cluster');
const PORTS = { nginx: 3400, a: 3401, b: 3402, one: 3403, other: 3404, pg: 5546, redis: 6391 };
const ARTICLE = '/technology/style-guide';
const ADMIN_PASSWORD = 'cluster-admin-password';
const PUBLISH_SECRET = 'cluster-publish-secret';
const figuresFlag = process.argv.indexOf('--figures');
const figuresFile = figuresFlag > 0 ? process.argv[figuresFlag + 1] : undefined;
const figures = {};
let failures = 0;

function report(ok, line) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (!ok) failures += 1;
}

const why = clusterUnavailable() ?? privateRedisUnavailable() ?? privatePostgresUnavailable();
if (why) {
  report(false, `the cluster cannot run here: ${why}`);
  process.exit(1);
}

const text = async (base, url, init) => {
  const response = await fetch(base + url, init);
  return { status: response.status, body: await response.text() };
};

/** Seconds from `since` until `seen()` holds for every base, or undefined past `ms`. */
async function untilEverywhere(bases, seen, since, ms) {
  const at = {};
  while (Date.now() - since < ms) {
    for (const base of bases)
      if (at[base] === undefined && (await seen(base))) at[base] = Date.now();
    if (bases.every((b) => at[b] !== undefined)) return Math.max(...Object.values(at)) - since;
    await sleep(50);
  }
  return undefined;
}

/**
 * `npm run comments -- approve ID --server …`, as a moderator types it. Resolves to the moment
 * the database had the approval: the clock for "visible within 2 s" starts there (for the
 * browser too), not at the second or so the command takes to start.
 */
async function approveFromTerminal(id, server) {
  const approval = approvedInDatabase(id);
  await promisify(execFile)(
    'npm',
    ['run', '--silent', 'comments', '--', 'approve', String(id), '--server', server],
    { cwd: root, env: { ...process.env, ...env('cli') } },
  );
  return approval;
}

/** The moment comment `id` is approved in the database, looked for every 10 ms. */
async function approvedInDatabase(id) {
  for (;;) {
    const { rows } = await db.query('select status from comments where id = $1', [id]);
    if (rows[0]?.status === 'approved') return Date.now();
    await sleep(10);
  }
}

const postgres = privatePostgres(PORTS.pg);
const redis = await privateRedis(PORTS.redis);
const db = new pg.Client({ connectionString: postgres.url });
await db.connect();
const secrets = sharedSecrets();
const dirs = { a: path.join(scratch, 'a'), b: path.join(scratch, 'b') };
const content = path.join(scratch, 'content-volume');
const desk = path.join(scratch, 'desk');
layOutInstance(dirs.a);
layOutInstance(dirs.b);
sharedContent(content);
deskCopy(desk);

const env = (name) => ({
  ...secrets,
  DATABASE_URL: postgres.url,
  REDIS_URL: redis.url,
  ADMIN_PASSWORD,
  PUBLISH_SECRET,
  TRUSTED_PROXY_HOPS: '1',
  SITE_URL: `http://127.0.0.1:${PORTS.nginx}`,
  MASTHEAD_CONTENT_DIR: content,
  MASTHEAD_DATA_DIR: path.join(scratch, `${name}-data`),
  COMMENTS_DB: '',
});

let a;
let b;
let nginx;
let browser;
try {
  [a, b] = await Promise.all([
    startInstance({ dir: dirs.a, port: PORTS.a, env: env('a') }),
    startInstance({ dir: dirs.b, port: PORTS.b, env: env('b') }),
  ]);
  nginx = await startNginx({
    dir: path.join(scratch, 'nginx'),
    listen: PORTS.nginx,
    listenOne: PORTS.one,
    upstreams: [`127.0.0.1:${PORTS.a}`, `127.0.0.1:${PORTS.b}`],
  });
  const instances = [a.base, b.base];

  // --- Settings every instance must share -----------------------------------------------------
  for (const [label, change, expected] of [
    [
      'another COMMENTS_SECRET',
      { COMMENTS_SECRET: 'a different secret of the same length' },
      /COMMENTS_SECRET differs/,
    ],
    [
      'another server-actions key',
      { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
      /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY differs/,
    ],
    [
      'no server-actions key',
      { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: '' },
      /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set/,
    ],
  ]) {
    const refused = await startRefused({
      dir: dirs.a,
      port: PORTS.other,
      env: { ...env('c'), ...change },
    });
    report(
      refused.code === 1 && expected.test(refused.said),
      `an instance with ${label} refuses to start (exit ${refused.code}) and says so: ${expected.test(refused.said) ? 'yes' : refused.said.slice(-300)}`,
    );
  }

  // --- Sessions: signed in through the proxy, recognised by either instance --------------------
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  const context = await browser.newContext({ baseURL: nginx.base });
  const page = await context.newPage();
  await page.goto('/admin/comments');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Comment status' }).waitFor();
  const cookie = (await context.cookies()).find((c) => c.name === 'masthead_admin');
  const signedIn = await Promise.all(
    instances.map(async (base) =>
      (
        await text(base, '/admin/comments', {
          headers: { cookie: `masthead_admin=${cookie?.value}` },
        })
      ).body.includes('Comment status'),
    ),
  );
  report(
    signedIn.every(Boolean),
    `an admin session made through nginx works on both instances (${signedIn.join(', ')})`,
  );

  // --- Comments: held, approved on the web and from the terminal, shown on both within 2 s ------
  for (const base of instances) await text(base, ARTICLE); // both have the page cached
  const post = async (comment, address) => {
    const html = (await text(nginx.base, ARTICLE)).body;
    const poster = commentPoster({
      base: nginx.base,
      articlePath: ARTICLE,
      html,
      mode: 'nojs',
      fetch: fetchFrom(address),
    });
    await sleep(tokenWait(poster.hidden));
    return poster.post(
      { name: `Reader ${run}`, email: `${address}@cluster.example`, website: '', comment },
      address,
    );
  };
  const shows = (words) => async (base) => (await text(base, ARTICLE)).body.includes(words);
  const webText = `Approved on the web ${run}`;
  report(
    (await post(webText, '127.0.1.1')) === 'held',
    'a first comment through nginx is held for moderation',
  );
  await page.goto('/admin/comments');
  const { rows: webRows } = await db.query('select id from comments where body = $1', [webText]);
  const approval = approvedInDatabase(webRows[0]?.id);
  await page
    .getByRole('button', { name: new RegExp(`^Approve: comment by Reader ${run},`) })
    .first()
    .click();
  await page.getByRole('status').waitFor();
  const approvedAt = await approval;
  const webSeconds = await untilEverywhere(instances, shows(webText), approvedAt, 10_000);
  figures.commentWeb = webSeconds;
  report(
    webSeconds !== undefined && webSeconds <= 2_000,
    `approved in the browser: on both instances after ${webSeconds ?? '>10000'} ms (target 2,000)`,
  );

  const cliText = `Approved from the terminal ${run}`;
  await post(cliText, '127.0.2.1');
  const { rows } = await db.query('select id from comments where body = $1', [cliText]);
  const cliAt = await approveFromTerminal(rows[0]?.id, nginx.base);
  const cliSeconds = await untilEverywhere(instances, shows(cliText), cliAt, 10_000);
  figures.commentCli = cliSeconds;
  report(
    cliSeconds !== undefined && cliSeconds <= 2_000,
    `approved with npm run comments: on both instances after ${cliSeconds ?? '>10000'} ms (target 2,000)`,
  );

  // --- Publishing: written to the shared volume, live on both -----------------------------------
  const slug = `cluster-check-${run}`;
  const title = `Published to every instance ${run}`;
  writeFileSync(
    path.join(desk, 'content', 'articles', `${slug}.mdx`),
    `---\ntitle: "${title}"\ndek: "Published by the cluster check."\ndate: 2026-12-01T08:00:00Z\nsection: world\nauthor: omar-el-sayed\ntags: [cluster-check]\n---\n\nThis story reached every instance behind the proxy.\n`,
  );
  const publishedAt = Date.now();
  const published = await promisify(execFile)(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(desk, 'scripts', 'publish.ts'), '--server', nginx.base],
    {
      cwd: desk,
      env: { ...process.env, PUBLISH_SECRET, MASTHEAD_CONTENT_DIR: content },
    },
  ).then(
    () => true,
    (error) => (console.log(error.stdout, error.stderr), false),
  );
  const live = (base) =>
    Promise.all([text(base, `/world/${slug}`), text(base, '/')]).then(
      ([article, front]) =>
        article.status === 200 && article.body.includes(title) && front.body.includes(slug),
    );
  const publishMs = await untilEverywhere(instances, live, publishedAt, 30_000);
  figures.publish = publishMs;
  report(
    published && publishMs !== undefined && publishMs <= 10_000,
    `npm run publish through nginx: article and front page live on both instances ${publishMs ?? '>30000'} ms after it started (target 10,000)`,
  );

  // --- Redis goes away, and comes back ----------------------------------------------------------
  await redis.stop();
  await sleep(500);
  const during = await Promise.all(
    instances.map((base) => text(base, ARTICLE).then((r) => r.status)),
  );
  report(
    during.every((s) => s === 200),
    `Redis stopped: the article still answers on both instances (${during.join(', ')})`,
  );
  const outageText = `Posted while Redis was down ${run}`;
  const outagePost = await post(outageText, '127.0.3.1');
  report(outagePost === 'held', `Redis stopped: a comment is still taken (${outagePost})`);
  await redis.start();
  const back = await untilEverywhere(
    instances,
    async (base) => (await text(base, '/api/health')).body.includes('"redis":"ok"'),
    Date.now(),
    15_000,
  );
  report(
    back !== undefined,
    `Redis back: both instances use it again without a restart (${back ?? '>15000'} ms)`,
  );
  for (const base of instances) await text(base, ARTICLE);
  const { rows: held } = await db.query('select id from comments where body = $1', [outageText]);
  const resumedAt = await approveFromTerminal(held[0]?.id, nginx.base);
  const resumed = await untilEverywhere(instances, shows(outageText), resumedAt, 10_000);
  figures.afterRedisRestart = resumed;
  report(
    resumed !== undefined && resumed <= 2_000,
    `after Redis came back, an approval shows on both instances within ${resumed ?? '>10000'} ms`,
  );

  // --- Throughput through nginx, one instance and two ------------------------------------------
  const paths = ['/', ARTICLE, '/world', `/world/${slug}`, '/tags/cluster-check'];
  await getLoad({ base: nginx.base, paths, connections: 8, seconds: 3 }); // warm both
  for (const [label, base] of [
    ['one instance', nginx.baseOne],
    ['two instances', nginx.base],
  ]) {
    const results = await getLoad({ base, paths, connections: 32, seconds: 15 });
    const summary = summarize(results, 15);
    figures[label] = summary;
    report(
      summary.failed === 0,
      `${label} through nginx: ${summary.perSecond} requests/s, p50 ${summary.p50} ms, p95 ${summary.p95} ms, ${summary.failed} failed`,
    );
  }

  // --- Failover: SIGKILL one instance in the middle of 20 s of readers and commenters ----------
  const accepted = [];
  const refusals = [];
  const killAt = Date.now() + 6_000;
  const commenters = Array.from({ length: 4 }, async (_, c) => {
    const deadline = Date.now() + 20_000;
    for (let n = 0; Date.now() < deadline; n++) {
      const words = `Failover ${run} commenter ${c} comment ${n}`;
      const at = Date.now();
      try {
        const outcome = await post(words, `127.0.${10 + c}.${(n % 250) + 1}`);
        if (outcome === 'held' || outcome === 'published') accepted.push(words);
        else if (/^HTTP 5/.test(outcome)) refusals.push({ at, end: Date.now(), outcome });
      } catch (error) {
        refusals.push({ at, end: Date.now(), outcome: String(error) });
      }
    }
  });
  const [readers] = await Promise.all([
    getLoad({ base: nginx.base, paths, connections: 16, seconds: 20 }),
    (async () => {
      await sleep(killAt - Date.now());
      await b.kill();
    })(),
    ...commenters,
  ]);
  // Each failure with when it started and ended: a reader's result says when it ended.
  const failed = [
    ...readers
      .filter((r) => r.status === 0 || r.status >= 500)
      .map((r) => ({ start: r.at - r.ms, end: r.at, what: `GET status ${r.status}` })),
    ...refusals.map((r) => ({ start: r.at, end: r.end, what: r.outcome })),
  ];
  // A response the killed instance had begun to send cannot be finished by anyone: nginx can
  // resend a request only while nothing of its answer has reached the reader. Those requests,
  // in flight at the kill, are counted apart; every request that started after it must succeed.
  const cut = failed.filter((f) => f.start < killAt && f.end >= killAt);
  const after = failed.filter((f) => f.start >= killAt);
  const before = failed.filter((f) => f.end < killAt);
  const gap = after.length > 0 ? Math.max(...after.map((f) => f.end)) - killAt : 0;
  for (const f of failed.slice(0, 5)) {
    console.log(
      `  failed: ${f.what}, from ${f.start - killAt} to ${f.end - killAt} ms of the kill`,
    );
  }
  const { rows: stored } = await db.query('select body from comments where body like $1', [
    `Failover ${run} %`,
  ]);
  const storedSet = new Set(stored.map((r) => r.body));
  // A post retried on the other instance after its first one died must not be stored twice.
  const twice = stored.length - storedSet.size;
  const lost = accepted.filter((words) => !storedSet.has(words));
  figures.failover = {
    requests: readers.length,
    failed: failed.length,
    cutAtKill: cut.length,
    gapMs: gap,
    comments: accepted.length,
    lost: lost.length,
    p95: Math.round(
      percentile(
        readers.filter((r) => r.status === 200).map((r) => r.ms),
        95,
      ),
    ),
  };
  if (after.length + before.length > 0) {
    // What nginx made of it: which upstream it gave up on, and why.
    const log = nginx.errors().trim().split('\n').slice(-15);
    for (const line of log) console.log(`  nginx: ${line.slice(0, 300)}`);
  }
  report(
    after.length === 0 && before.length === 0,
    `failover: ${readers.length} reads and ${accepted.length + refusals.length} comment posts through nginx while one instance was killed; ${after.length + before.length} failed that were not in flight at the kill, ${cut.length} cut mid-answer by it (failover gap ${gap} ms)`,
  );
  report(
    lost.length === 0 && accepted.length > 0 && twice === 0,
    `failover: ${accepted.length} comments accepted, ${lost.length} lost, ${twice} stored twice`,
  );
} catch (error) {
  report(false, `the cluster check stopped: ${error instanceof Error ? error.stack : error}`);
} finally {
  await browser?.close();
  await nginx?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await db.end();
  await redis.destroy();
  postgres.destroy();
}
if (figuresFile) writeFileSync(figuresFile, JSON.stringify(figures, null, 2));
console.log(failures === 0 ? 'cluster checks passed' : `cluster checks: ${failures} FAILED`);
process.exit(failures === 0 ? 0 : 1);
