// Comments reach every server process without a rebuild: two `next start` processes on the
// check's own copy of the build share one PostgreSQL; a comment posted through one and approved
// from the terminal appears on the article served by the other within the article's
// revalidation window (30 s; each process must show it within 45 s).
//   npm run check -- multi-process [--only "other process"]
// PostgreSQL: TEST_DATABASE_URL (a throwaway schema in it) when set, else a private server of
// the check's own (test/support/private-postgres.mjs: root and Debian's postgresql package);
// without either the scenarios are skipped with the reason. Loopback only, ports from the OS.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { copyBuild } from '../support/build-copy.mjs';
import { commentPoster, tokenWait } from '../support/comment-form.mjs';
import { scratchSchema } from '../support/pg-schema.mjs';
import { freePort, freePorts } from '../support/ports.mjs';
import { privatePostgres, privatePostgresUnavailable } from '../support/private-postgres.mjs';
import { startNext } from '../support/server.mjs';

const ARTICLE = '/world/kim-new-year-message-putin-alliance';
const run = randomBytes(4).toString('hex');
const schema = `multi_${run}`;
const text = `Seen everywhere ${run}`;
const noPostgres = process.env.TEST_DATABASE_URL ? undefined : privatePostgresUnavailable();

let copy;
let postgres;
let scratch;
/** @type {{ base: string, stop: () => Promise<void> }[]} */
let servers = [];

const page = async (server) => (await fetch(server.base + ARTICLE)).text();

describe(
  'comments across two server processes on PostgreSQL',
  { skip: noPostgres && `no PostgreSQL: no TEST_DATABASE_URL, and ${noPostgres}` },
  () => {
    before(async () => {
      copy = copyBuild('multi-process');
      postgres = process.env.TEST_DATABASE_URL ? undefined : privatePostgres(await freePort());
      scratch = await scratchSchema(process.env.TEST_DATABASE_URL ?? postgres.url, schema);
      const ports = await freePorts(2);
      servers = await Promise.all(
        ports.map((port) =>
          startNext({
            port,
            cwd: copy.dir,
            env: { DATABASE_URL: scratch.url },
            readyPath: ARTICLE,
          }),
        ),
      );
    });

    after(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await scratch?.drop();
      postgres?.destroy();
      copy?.remove();
    });

    /** Each step once, whichever scenario asks first, so any one of them can run alone. */
    let cachedStep;
    const cached = () =>
      (cachedStep ??= (async () =>
        Promise.all(servers.map(async (s) => (await page(s)).includes(text))))());

    let postedStep;
    const posted = () =>
      (postedStep ??= (async () => {
        await cached();
        const [first] = servers;
        const poster = commentPoster({
          base: first.base,
          articlePath: ARTICLE,
          html: await page(first),
          mode: 'nojs',
        });
        await sleep(tokenWait(poster.hidden));
        return poster.post(
          { name: `Reader ${run}`, email: `r-${run}@example.com`, website: '', comment: text },
          '198.51.100.77',
        );
      })());

    /** Seconds after approval at which each process showed the comment (undefined: not in 75 s). */
    let approvedStep;
    const approved = () =>
      (approvedStep ??= (async () => {
        const outcome = await posted();
        if (outcome !== 'held') throw new Error(`post was not held: ${outcome}`);
        const { rows } = await scratch.admin.query(
          `select id from ${schema}.comments where body = $1`,
          [text],
        );
        // No server to refresh at --server: what is proved is the revalidation window, which is
        // what a process the moderator's refresh does not reach relies on.
        const nobody = `http://127.0.0.1:${await freePort()}`;
        await promisify(execFile)(
          'npm',
          ['run', '--silent', 'comments', '--', 'approve', String(rows[0]?.id), '--server', nobody],
          {
            cwd: copy.dir,
            env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: scratch.url },
          },
        );
        const approvedAt = Date.now();
        const seen = servers.map(() => undefined);
        while (Date.now() - approvedAt < 75_000 && seen.includes(undefined)) {
          for (const [i, server] of servers.entries()) {
            if (seen[i] === undefined && (await page(server)).includes(text))
              seen[i] = (Date.now() - approvedAt) / 1000;
          }
          await sleep(1_000);
        }
        for (const [i, server] of servers.entries()) {
          console.log(
            seen[i] === undefined
              ? `process on ${server.base}: comment not shown after 75 s`
              : `process on ${server.base}: comment shown ${seen[i].toFixed(1)} s after approval`,
          );
        }
        return seen;
      })());

    test('before the comment exists, both processes serve the article without it', async () => {
      assert.deepEqual(await cached(), [false, false]);
    });

    test('a comment posted through one process without JavaScript is held for moderation', async () => {
      assert.equal(await posted(), 'held');
    });

    test('approved from the terminal: the process it was posted through shows it within 45 s', async () => {
      const [seen] = await approved();
      assert.ok(seen !== undefined && seen <= 45, `shown after ${seen ?? 'more than 75'} s`);
    });

    test('approved from the terminal: the other process shows it within 45 s', async () => {
      const [, seen] = await approved();
      assert.ok(seen !== undefined && seen <= 45, `shown after ${seen ?? 'more than 75'} s`);
    });
  },
);
