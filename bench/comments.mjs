// Load test of the comment form, through the requests a browser makes with it.
//   node bench/comments.mjs [--db sqlite|postgres] [--mode nojs|js] [--posters 50] [--seconds 20]
//                           [--readers]
// nojs: the plain form post a browser without JavaScript makes, to the form's action (the light
//   comment page); success is a 303 to the article with #comment-held.
// js: the server-action fetch React makes once JavaScript has loaded, to the article URL;
//   success is the form state saying the comment awaits moderation.
// Without --readers each poster posts again the moment an answer comes (a flood: the server's
//   capacity). With --readers each poster is a reader: loads the article, writes for the
//   three seconds the form asks at least, posts, and starts again.
// Needs a production build (npm run build). Starts its own `next start` on 127.0.0.1:3200 with
// a fresh database (SQLite in bench/.scratch, or a fresh schema in TEST_DATABASE_URL), runs the
// posters, then counts what the database holds. Only loopback traffic; bounded by time.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { commentPoster, tokenWait } from '../test/support/comment-form.mjs';
import { scratchSchema } from '../test/support/pg-schema.mjs';
import { startNext } from '../test/support/server.mjs';

const { values: args } = parseArgs({
  options: {
    ...Object.fromEntries(
      ['db', 'mode', 'posters', 'seconds'].map((name) => [name, { type: 'string' }]),
    ),
    readers: { type: 'boolean' },
  },
});
const readers = args.readers ?? false;
const dbKind = args.db ?? 'sqlite';
const mode = args.mode ?? 'nojs';
const posters = Number(args.posters ?? 50);
const seconds = Number(args.seconds ?? 20);
const port = 3200;
const base = `http://127.0.0.1:${port}`;
const articlePath = '/technology/style-guide';
const run = randomBytes(4).toString('hex');
const root = path.resolve(import.meta.dirname, '..');

// What the server's environment changes; startNext adds it to this process's.
const env = {};
let countStored;
let cleanup = async () => {};
if (dbKind === 'postgres') {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url)
    throw new Error('set TEST_DATABASE_URL (see test/support/start-postgres.sh) for --db postgres');
  const schema = `bench_${run}`;
  const scratch = await scratchSchema(url, schema);
  const { admin } = scratch;
  env.DATABASE_URL = scratch.url;
  countStored = async () =>
    Number(
      (
        await admin.query(`select count(*) as n from ${schema}.comments where body like $1`, [
          `bench ${run} %`,
        ])
      ).rows[0].n,
    );
  cleanup = scratch.drop;
} else {
  const dir = path.join(root, 'bench', '.scratch');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `comments-${run}.sqlite`);
  env.COMMENTS_DB = file;
  // Empty counts as unset, so a DATABASE_URL in this shell does not send the server to PostgreSQL.
  env.DATABASE_URL = '';
  countStored = async () => {
    const db = new SQLite(file, { readonly: true });
    const n = db
      .prepare('select count(*) as n from comments where body like ?')
      .get(`bench ${run} %`).n;
    db.close();
    return n;
  };
  cleanup = async () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  };
}

const server = await startNext({ port, env, readyPath: articlePath });
try {
  const html = await (await fetch(base + articlePath)).text();
  const form = commentPoster({ base, articlePath, html, mode });
  await sleep(tokenWait(form.hidden));

  let sequence = 0;
  const latencies = [];
  const outcomes = { held: 0, published: 0, refused: 0, errors: 0 };
  const refusals = new Map();
  const deadline = Date.now() + seconds * 1000;

  async function loop(p) {
    while (Date.now() < deadline) {
      const n = ++sequence;
      let poster = form;
      if (readers) {
        const page = await (await fetch(base + articlePath)).text();
        poster = commentPoster({ base, articlePath, html: page, mode });
        await sleep(3_200 + Math.random() * 3_000);
      }
      const started = performance.now();
      try {
        const outcome = await poster.post(
          {
            name: `Bench poster ${p}`,
            email: `poster-${p}-${n}@bench.example`,
            website: '',
            comment: `bench ${run} comment ${n} from poster ${p}`,
          },
          // Each post from its own network, as 50 readers in different places would be.
          `10.${(n >> 8) & 255}.${n & 255}.1`,
        );
        latencies.push(performance.now() - started);
        if (outcome === 'held' || outcome === 'published') outcomes[outcome] += 1;
        else {
          outcomes.refused += 1;
          refusals.set(outcome, (refusals.get(outcome) ?? 0) + 1);
        }
      } catch (error) {
        outcomes.errors += 1;
        refusals.set(String(error), (refusals.get(String(error)) ?? 0) + 1);
      }
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: posters }, (_, p) => loop(p)));
  const elapsed = (performance.now() - t0) / 1000;

  const accepted = outcomes.held + outcomes.published;
  const stored = await countStored();
  latencies.sort((a, b) => a - b);
  const pct = (q) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const result = {
    db: dbKind,
    mode,
    readers,
    posters,
    seconds: Number(elapsed.toFixed(1)),
    requests: latencies.length + outcomes.errors,
    accepted,
    stored,
    lost: accepted - Math.min(accepted, stored),
    storedWithoutReply: Math.max(0, stored - accepted),
    refused: outcomes.refused,
    errors: outcomes.errors,
    perSecond: Number((accepted / elapsed).toFixed(1)),
    p50ms: Math.round(pct(0.5)),
    p95ms: Math.round(pct(0.95)),
    refusals: Object.fromEntries(refusals),
  };
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = result.lost === 0 && result.errors === 0 ? 0 : 1;
} finally {
  await server.stop();
  await cleanup();
}
