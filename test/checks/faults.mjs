// Faults, measured. Part of command B, after the production build.
//   node test/checks/faults.mjs
// 1. `next start` is killed with SIGKILL in the middle of 50 concurrent posters (half posting
//    with JavaScript, half without) and started again: every comment that got a success answer
//    must be in the database. SQLite, and PostgreSQL when a private server can run here.
// 2. PostgreSQL is down when the server starts, then goes away in the middle of a run and comes
//    back: readers get a clear answer (never a 5xx), nothing answered as accepted is lost, and
//    posting works again without restarting the server.
// The PostgreSQL parts need root and Debian's postgresql package (a private server in a temporary
// folder on 127.0.0.1:5544, so stopping it touches nothing else); elsewhere they are skipped with
// a notice. Everything runs on loopback and stops what it started. Exit 0 only when all held.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { commentPoster, tokenWait } from '../support/comment-form.mjs';
import { privatePostgres, privatePostgresUnavailable } from '../support/private-postgres.mjs';
import { startNext } from '../support/server.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = randomBytes(4).toString('hex');
const PORT = 3310;
const ARTICLE = '/technology/style-guide';
const UNAVAILABLE = 'We could not save your comment just now.';
const ADMIN_PASSWORD = 'faults-admin-password';
let failures = 0;

function report(ok, line) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (!ok) failures += 1;
}

/**
 * An article `next build` did not prerender, with whatever the e2e run left of it in Next's
 * route cache removed, so that its next request renders and reads the database.
 */
function archivedArticle() {
  const url = unrenderedArticle();
  if (!url) return undefined;
  const cache = path.join(root, '.next', 'server', 'route-cache', 'APP_PAGE');
  for (const build of existsSync(cache) ? readdirSync(cache) : []) {
    const dir = path.join(cache, build, '$', ...path.posix.dirname(url).split('/').slice(1));
    const stem = path.posix.basename(url);
    for (const file of existsSync(dir) ? readdirSync(dir) : []) {
      if (file.startsWith(`${stem}.`)) rmSync(path.join(dir, file), { recursive: true });
    }
  }
  return url;
}

function unrenderedArticle() {
  const index = JSON.parse(
    readFileSync(path.join(root, '.masthead/content/current/index.json'), 'utf8'),
  );
  const manifest = JSON.parse(
    readFileSync(path.join(root, '.next/prerender-manifest.json'), 'utf8'),
  );
  const now = Date.now();
  return index.articles
    .filter((a) => !a.draft && Date.parse(a.date) <= now)
    .map((a) => a.url)
    .find((url) => !(url in manifest.routes));
}

/**
 * Posters on both paths, for `seconds`, through whatever the server is at that moment. Returns
 * every answer by the comment's text; a request that got no answer at all is retried later.
 */
async function load({ base, html, posters, seconds, during = async () => {} }) {
  const paths = ['nojs', 'js'].map((mode) =>
    commentPoster({ base, articlePath: ARTICLE, html, mode }),
  );
  await sleep(tokenWait(paths[0].hidden));
  const answers = new Map();
  let sequence = 0;
  const deadline = Date.now() + seconds * 1000;
  const loop = async (p) => {
    while (Date.now() < deadline) {
      const n = ++sequence;
      const text = `faults ${run} comment ${n}`;
      try {
        const outcome = await paths[p % 2].post(
          { name: `Poster ${p}`, email: `p${p}-${n}@faults.example`, website: '', comment: text },
          `10.${(n >> 8) & 255}.${n & 255}.7`,
        );
        answers.set(text, { outcome, at: Date.now() });
      } catch {
        await sleep(100); // no server there: a reader would press the button again
      }
    }
  };
  await Promise.all([...Array.from({ length: posters }, (_, p) => loop(p)), during()]);
  return answers;
}

function tally(answers, stored, label, since = 0) {
  const accepted = [...answers].filter(
    ([, a]) => a.outcome === 'held' || a.outcome === 'published',
  );
  const lost = accepted.filter(([text]) => !stored.has(text));
  const errors = [...answers].filter(([, a]) => /^HTTP 5/.test(a.outcome));
  const acceptedAfter = accepted.filter(([, a]) => a.at > since).length;
  console.log(
    `     ${label}: ${answers.size} answered, ${accepted.length} accepted, ${lost.length} of them lost, ` +
      `${errors.length} 5xx, ${answers.size - accepted.length - errors.length} refused with a message, ` +
      `${acceptedAfter} accepted after recovery`,
  );
  return { accepted: accepted.length, lost: lost.length, errors: errors.length, acceptedAfter };
}

async function storedTexts(db) {
  if (db.kind === 'sqlite') {
    const sqlite = new SQLite(db.file, { readonly: true });
    const rows = sqlite
      .prepare('select body from comments where body like ?')
      .all(`faults ${run} %`);
    sqlite.close();
    return new Set(rows.map((r) => r.body));
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query('select body from comments where body like $1', [
    `faults ${run} %`,
  ]);
  await client.end();
  return new Set(rows.map((r) => r.body));
}

async function killMidLoad(db) {
  const env =
    db.kind === 'sqlite' ? { COMMENTS_DB: db.file, DATABASE_URL: '' } : { DATABASE_URL: db.url };
  let server = await startNext({ port: PORT, env, readyPath: ARTICLE });
  let restartedAt = Infinity;
  try {
    const html = await (await fetch(server.base + ARTICLE)).text();
    const answers = await load({
      base: server.base,
      html,
      posters: 50,
      seconds: 12,
      during: async () => {
        await sleep(3_000);
        await server.kill();
        server = await startNext({ port: PORT, env, readyPath: ARTICLE });
        restartedAt = Date.now();
      },
    });
    const result = tally(
      answers,
      await storedTexts(db),
      `SIGKILL mid-load on ${db.label}`,
      restartedAt,
    );
    report(
      result.lost === 0 && result.accepted > 0 && result.acceptedAfter > 0,
      `${db.label}: every comment answered as accepted survives SIGKILL, and posting resumes after restart`,
    );
  } finally {
    await server.stop();
  }
}

async function postgresFaults(pgServer) {
  pgServer.stop();
  const archived = archivedArticle();
  const server = await startNext({
    port: PORT + 1,
    env: { DATABASE_URL: pgServer.url, ADMIN_PASSWORD },
  });
  const db = { kind: 'postgres', url: pgServer.url };
  try {
    if (archived) {
      const page = await fetch(server.base + archived);
      const text = await page.text();
      report(
        page.status === 200 && text.includes('The comments cannot be shown just now.'),
        `PostgreSQL down at start: ${archived} answers ${page.status} and says its comments cannot be shown`,
      );
    } else console.log('     (every article was prerendered; no archived article to read)');

    const html = await (await fetch(server.base + ARTICLE)).text();
    for (const mode of ['nojs', 'js']) {
      const poster = commentPoster({ base: server.base, articlePath: ARTICLE, html, mode });
      await sleep(tokenWait(poster.hidden));
      const started = Date.now();
      const outcome = await poster.post(
        {
          name: 'Down',
          email: `down-${mode}@faults.example`,
          website: '',
          comment: `faults ${run} down ${mode}`,
        },
        `10.250.${mode === 'js' ? 1 : 2}.1`,
      );
      report(
        outcome.startsWith(UNAVAILABLE),
        `PostgreSQL down at start, post ${mode === 'js' ? 'with' : 'without'} JavaScript: "${outcome}" after ${Date.now() - started} ms`,
      );
    }

    // Moderation needs the database for its sessions: a moderator signing in is told so on the
    // sign-in page, not given Next's bare "Internal Server Error".
    const signInPage = await (await fetch(`${server.base}/admin/comments`)).text();
    const form =
      /<form[^>]*>(?:(?!<\/form>).)*name="password"(?:(?!<\/form>).)*<\/form>/s.exec(
        signInPage,
      )?.[0] ?? '';
    const signIn = new FormData();
    for (const [, name, value] of form.matchAll(
      /<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g,
    ))
      signIn.append(name, value ?? '');
    signIn.append('password', ADMIN_PASSWORD);
    const refused = await fetch(`${server.base}/admin/comments`, {
      method: 'POST',
      body: signIn,
      headers: { origin: server.base, 'x-forwarded-for': '10.250.9.1' },
      redirect: 'manual',
    });
    const location = refused.headers.get('location') ?? '';
    const told = location ? await (await fetch(new URL(location, server.base))).text() : '';
    report(
      form !== '' &&
        refused.status === 303 &&
        told.includes('The comments database is not answering, so nobody can sign in just now.'),
      `PostgreSQL down, a moderator signs in: ${refused.status} to ${location || 'nowhere'}, which says why`,
    );

    pgServer.start();
    const poster = commentPoster({ base: server.base, articlePath: ARTICLE, html, mode: 'nojs' });
    const back = await poster.post(
      { name: 'Back', email: 'back@faults.example', website: '', comment: `faults ${run} back` },
      '10.250.3.1',
    );
    report(back === 'held', `PostgreSQL back, same server process: the next post is ${back}`);

    let backAt = Infinity;
    const answers = await load({
      base: server.base,
      html,
      posters: 20,
      seconds: 14,
      during: async () => {
        await sleep(2_000);
        pgServer.stop();
        await sleep(4_000);
        pgServer.start();
        backAt = Date.now();
      },
    });
    const result = tally(
      answers,
      await storedTexts(db),
      'PostgreSQL stopped mid-run and started again',
      backAt,
    );
    report(
      result.lost === 0 && result.errors === 0 && result.acceptedAfter > 0,
      'PostgreSQL gone mid-run: no 5xx, nothing accepted is lost, posting recovers without a restart',
    );
    // A dropped connection that reaches Node as an uncaught 'error' event is one unlucky
    // moment away from ending the process; every one must be caught and logged as a line.
    const uncaught = server.log().match(/uncaughtException|unhandledRejection/g)?.length ?? 0;
    report(uncaught === 0, `PostgreSQL restarts: ${uncaught} uncaught errors in the server's log`);
  } finally {
    await server.stop();
  }
}

const scratch = path.join(root, 'bench', '.scratch');
mkdirSync(scratch, { recursive: true });
const sqliteFile = path.join(scratch, `faults-${run}.sqlite`);
try {
  await killMidLoad({ kind: 'sqlite', file: sqliteFile, label: 'SQLite' });
  const why = privatePostgresUnavailable();
  if (why) {
    console.log(`notice: PostgreSQL fault checks skipped (${why})`);
  } else {
    const pgServer = privatePostgres(5544);
    try {
      await killMidLoad({ kind: 'postgres', url: pgServer.url, label: 'PostgreSQL' });
      await postgresFaults(pgServer);
    } finally {
      pgServer.destroy();
    }
  }
} catch (error) {
  report(false, `the check itself failed: ${error instanceof Error ? error.stack : error}`);
} finally {
  for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
}
console.log(failures === 0 ? 'fault checks passed' : `fault checks FAILED (${failures})`);
process.exit(failures === 0 ? 0 : 1);
