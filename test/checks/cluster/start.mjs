// The cluster the check runs against, all on loopback and on ports the OS gives: PostgreSQL and
// Redis of its own, two copies of the standalone server sharing one content folder, nginx in
// front with the configuration compose.yaml uses, and a headless browser. Everything lives in a
// scratch folder of its own under test/.scratch (under the checkout, so the desk copy's
// `npm run publish` finds node_modules); the checkout's build is only read.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
} from './instances.mjs';
import { fetchFrom } from './load.mjs';
import { commentPoster, tokenWait } from '../../support/comment-form.mjs';
import { freePorts } from '../../support/ports.mjs';
import { privatePostgres, privatePostgresUnavailable } from '../../support/private-postgres.mjs';
import { privateRedis, privateRedisUnavailable } from '../../support/private-redis.mjs';

export const ARTICLE = '/technology/style-guide';
export const ADMIN_PASSWORD = 'cluster-admin-password';
export const PUBLISH_SECRET = 'cluster-publish-secret';

export const text = async (base, url, init) => {
  const response = await fetch(base + url, init);
  return { status: response.status, body: await response.text() };
};

/** Milliseconds from `since` until `seen()` holds for every base, or undefined past `ms`. */
export async function untilEverywhere(bases, seen, since, ms) {
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
 * Starts the whole cluster. If any part fails to start, what did start is stopped before the
 * error is thrown; otherwise `stop()` ends it all and removes the scratch folder.
 * @param {string} run a few letters that tell this run's comments and articles apart
 */
export async function startCluster(run) {
  const why = clusterUnavailable() ?? privateRedisUnavailable() ?? privatePostgresUnavailable();
  if (why) throw new Error(`the cluster cannot run here: ${why}`);

  const scratchRoot = path.join(root, 'test', '.scratch');
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(path.join(scratchRoot, 'cluster-'));
  // nginx's workers run as `nobody` and buffer large answers in temporary folders in here.
  chmodSync(scratch, 0o755);
  const [nginxPort, onePort, aPort, bPort, otherPort, pgPort, redisPort] = await freePorts(7);
  const c = { scratch, run, otherPort };
  c.stop = async () => {
    await c.browser?.close();
    await c.nginx?.stop();
    await Promise.all([c.a?.stop(), c.b?.stop()]);
    await c.db?.end();
    await c.redis?.destroy();
    c.postgres?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    c.postgres = privatePostgres(pgPort);
    c.redis = await privateRedis(redisPort);
    c.db = new pg.Client({ connectionString: c.postgres.url });
    await c.db.connect();
    const secrets = sharedSecrets();
    c.dirs = { a: path.join(scratch, 'a'), b: path.join(scratch, 'b') };
    c.content = path.join(scratch, 'content-volume');
    c.desk = path.join(scratch, 'desk');
    layOutInstance(c.dirs.a);
    layOutInstance(c.dirs.b);
    sharedContent(c.content);
    deskCopy(c.desk);
    /** What an instance (or the moderator's terminal) called `name` is started with. */
    c.env = (name) => ({
      ...secrets,
      DATABASE_URL: c.postgres.url,
      REDIS_URL: c.redis.url,
      ADMIN_PASSWORD,
      PUBLISH_SECRET,
      TRUSTED_PROXY_HOPS: '1',
      SITE_URL: `http://127.0.0.1:${nginxPort}`,
      MASTHEAD_CONTENT_DIR: c.content,
      MASTHEAD_DATA_DIR: path.join(scratch, `${name}-data`),
      COMMENTS_DB: '',
    });
    [c.a, c.b] = await Promise.all([
      startInstance({ dir: c.dirs.a, port: aPort, env: c.env('a') }),
      startInstance({ dir: c.dirs.b, port: bPort, env: c.env('b') }),
    ]);
    c.instances = [c.a.base, c.b.base];
    c.nginx = await startNginx({
      dir: path.join(scratch, 'nginx'),
      listen: nginxPort,
      listenOne: onePort,
      upstreams: [`127.0.0.1:${aPort}`, `127.0.0.1:${bPort}`],
    });
    c.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
    // Both instances have the article cached, so freshness is about telling them, not rendering.
    for (const base of c.instances) await text(base, ARTICLE);
  } catch (error) {
    await c.stop();
    throw error;
  }

  /** Posts a comment through nginx, without JavaScript, from loopback address `address`. */
  c.post = async (comment, address) => {
    const html = (await text(c.nginx.base, ARTICLE)).body;
    const poster = commentPoster({
      base: c.nginx.base,
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

  /** Whether the article, on `base`, shows `words`. */
  c.shows = (words) => async (base) => (await text(base, ARTICLE)).body.includes(words);

  /** The id of the comment whose text is `body`. */
  c.commentId = async (body) =>
    (await c.db.query('select id from comments where body = $1', [body])).rows[0]?.id;

  /** The moment comment `id` is approved in the database, looked for every 10 ms for 60 s. */
  c.approvedInDatabase = async (id) => {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const { rows } = await c.db.query('select status from comments where id = $1', [id]);
      if (rows[0]?.status === 'approved') return Date.now();
      await sleep(10);
    }
    throw new Error(`comment ${id} was not approved within 60 s`);
  };

  /**
   * `npm run comments -- approve ID --server …`, as a moderator types it. Resolves to the moment
   * the database had the approval: the clock for "visible within 2 s" starts there (for the
   * browser too), not at the second or so the command takes to start.
   */
  c.approveFromTerminal = async (id) => {
    const approval = c.approvedInDatabase(id);
    // Should the command fail, its error is the one to report, not the wait's.
    approval.catch(() => {});
    await promisify(execFile)(
      'npm',
      ['run', '--silent', 'comments', '--', 'approve', String(id), '--server', c.nginx.base],
      { cwd: root, env: { ...process.env, ...c.env('cli') } },
    );
    return approval;
  };
  return c;
}
