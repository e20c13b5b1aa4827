// Faults, measured, on the check's own copy of the build (the main build stays read-only):
//   npm run check -- faults [--only "SIGKILL"]
// 1. `next start` is killed with SIGKILL in the middle of 50 concurrent posters (half posting
//    with JavaScript, half without) and started again: every comment that got a success answer
//    must be in the database. SQLite, and PostgreSQL when a private server can run here.
// 2. PostgreSQL is down when the server starts, then goes away in the middle of a run and comes
//    back: readers get a clear answer (never a 5xx), nothing answered as accepted is lost, and
//    posting works again without restarting the server.
// The PostgreSQL scenarios need root and Debian's postgresql package (a private server in a
// temporary folder on a loopback port from the OS, so stopping it touches nothing else);
// elsewhere they are skipped with the reason. Every port comes from the OS, so it runs beside
// the other checks and the e2e run.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyBuild } from '../support/build-copy.mjs';
import { commentPoster, tokenWait } from '../support/comment-form.mjs';
import { load, storedTexts, tally } from '../support/comment-load.mjs';
import { freePort } from '../support/ports.mjs';
import { privatePostgres, privatePostgresUnavailable } from '../support/private-postgres.mjs';
import { startNext } from '../support/server.mjs';

const run = randomBytes(4).toString('hex');
const ARTICLE = '/technology/style-guide';
const UNAVAILABLE = 'We could not save your comment just now.';
const ADMIN_PASSWORD = 'faults-admin-password';
const noPostgres = privatePostgresUnavailable();

/** @type {{ dir: string, remove: () => void } | undefined} */
let copy;
/** @type {Set<{ stop: () => Promise<void> }>} servers to stop however a scenario ended */
const servers = new Set();

before(() => {
  copy = copyBuild('faults');
});

after(async () => {
  await Promise.all([...servers].map((server) => server.stop()));
  postgres.server?.destroy();
  copy?.remove();
});

/** `next start` on the copy, stopped in `after` whatever happens to the scenario. */
async function serve(options) {
  const server = await startNext({ ...options, cwd: copy?.dir });
  servers.add(server);
  return server;
}

/** The private PostgreSQL, started on first use, with whether it is up now. */
const postgres = {
  /** @type {ReturnType<typeof privatePostgres> | undefined} */
  server: undefined,
  up: false,
  async get() {
    if (!this.server) {
      this.server = privatePostgres(await freePort());
      this.up = true;
    }
    return this.server;
  },
  /** Starts or stops it (immediately, as a crash would), whichever is asked, if not so already. */
  async set(up) {
    const server = await this.get();
    if (up !== this.up) (up ? server.start : server.stop)();
    this.up = up;
  },
};

/** An article `next build` did not prerender: its first request renders and reads the database. */
function unrenderedArticle() {
  const dir = copy?.dir ?? '';
  const index = JSON.parse(
    readFileSync(path.join(dir, '.masthead/content/current/index.json'), 'utf8'),
  );
  const manifest = JSON.parse(
    readFileSync(path.join(dir, '.next/prerender-manifest.json'), 'utf8'),
  );
  const now = Date.now();
  return index.articles
    .filter((a) => !a.draft && Date.parse(a.date) <= now)
    .map((a) => a.url)
    .find((url) => !(url in manifest.routes));
}

async function killMidLoad(db) {
  const port = await freePort();
  const env =
    db.kind === 'sqlite' ? { COMMENTS_DB: db.file, DATABASE_URL: '' } : { DATABASE_URL: db.url };
  let server = await serve({ port, env, readyPath: ARTICLE });
  let restartedAt = Infinity;
  const html = await (await fetch(server.base + ARTICLE)).text();
  const answers = await load({
    base: server.base,
    articlePath: ARTICLE,
    html,
    posters: 50,
    seconds: 12,
    after: 4,
    marker: `faults ${run}`,
    during: async () => {
      await sleep(3_000);
      await server.kill();
      const killedAt = Date.now();
      // The same port: the posters keep posting to the address readers know.
      server = await serve({ port, env, readyPath: ARTICLE });
      restartedAt = Date.now();
      console.log(`     killed, answering again ${(restartedAt - killedAt) / 1000} s later`);
    },
  });
  const result = tally(
    answers,
    await storedTexts(db, `faults ${run} %`),
    `SIGKILL mid-load on ${db.label}`,
    restartedAt,
  );
  await server.stop();
  assert.equal(result.lost, 0, 'comments answered as accepted were lost');
  assert.ok(result.accepted > 0, 'no comment was accepted at all');
  assert.ok(result.acceptedAfter > 0, 'no comment was accepted after the restart');
}

test('SIGKILL mid-load on SQLite: every comment answered as accepted survives, and posting resumes after restart', async () => {
  const file = path.join(copy?.dir ?? '', `faults-${run}.sqlite`);
  await killMidLoad({ kind: 'sqlite', file, label: 'SQLite' });
});

test(
  'SIGKILL mid-load on PostgreSQL: every comment answered as accepted survives, and posting resumes after restart',
  { skip: noPostgres && `no private PostgreSQL: ${noPostgres}` },
  async () => {
    const { url } = await postgres.get();
    await killMidLoad({ kind: 'postgres', url, label: 'PostgreSQL' });
  },
);

/** One server, started while PostgreSQL was down, shared by the scenarios below (lazily). */
let downAtStart;
function serverStartedWhileDown() {
  downAtStart ??= (async () => {
    const { url } = await postgres.get();
    await postgres.set(false);
    const server = await serve({
      port: await freePort(),
      env: { DATABASE_URL: url, ADMIN_PASSWORD },
    });
    const html = await (await fetch(server.base + ARTICLE)).text();
    return { server, html, url };
  })();
  return downAtStart;
}

describe('PostgreSQL down', { skip: noPostgres && `no private PostgreSQL: ${noPostgres}` }, () => {
  test('PostgreSQL down at start: an article not prerendered answers 200 and says its comments cannot be shown', async (t) => {
    const archived = unrenderedArticle();
    if (!archived) return t.skip('every article was prerendered; no archived article to read');
    const { server } = await serverStartedWhileDown();
    await postgres.set(false);
    const page = await fetch(server.base + archived);
    const text = await page.text();
    console.log(`     ${archived} answers ${page.status}`);
    assert.equal(page.status, 200);
    assert.ok(text.includes('The comments cannot be shown just now.'), 'the page does not say why');
  });

  for (const mode of ['nojs', 'js']) {
    test(`PostgreSQL down at start, a post ${mode === 'js' ? 'with' : 'without'} JavaScript is refused with a message`, async () => {
      const { server, html } = await serverStartedWhileDown();
      await postgres.set(false);
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
      console.log(`     "${outcome}" after ${Date.now() - started} ms`);
      assert.ok(outcome.startsWith(UNAVAILABLE), `answered "${outcome}"`);
    });
  }

  // Moderation needs the database for its sessions: a moderator signing in is told so on the
  // sign-in page, not given Next's bare "Internal Server Error".
  test('PostgreSQL down, a moderator signing in is sent (303) to a page that says why', async () => {
    const { server } = await serverStartedWhileDown();
    await postgres.set(false);
    const signInPage = await (await fetch(`${server.base}/admin/comments`)).text();
    const form =
      /<form[^>]*>(?:(?!<\/form>).)*name="password"(?:(?!<\/form>).)*<\/form>/s.exec(
        signInPage,
      )?.[0] ?? '';
    assert.notEqual(form, '', 'no sign-in form');
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
    console.log(`     ${refused.status} to ${location || 'nowhere'}`);
    assert.equal(refused.status, 303);
    assert.ok(
      told.includes('The comments database is not answering, so nobody can sign in just now.'),
      'the page it is sent to does not say why',
    );
  });

  test('PostgreSQL back, same server process: the next post is held', async () => {
    const { server, html } = await serverStartedWhileDown();
    await postgres.set(true);
    const poster = commentPoster({ base: server.base, articlePath: ARTICLE, html, mode: 'nojs' });
    await sleep(tokenWait(poster.hidden));
    const back = await poster.post(
      { name: 'Back', email: 'back@faults.example', website: '', comment: `faults ${run} back` },
      '10.250.3.1',
    );
    assert.equal(back, 'held');
  });

  /** PostgreSQL stopped and started again under load on that server (once, shared). */
  let midRun;
  const goneMidRun = () => {
    midRun ??= (async () => {
      const { server, html, url } = await serverStartedWhileDown();
      await postgres.set(true);
      let backAt = Infinity;
      const answers = await load({
        base: server.base,
        articlePath: ARTICLE,
        html,
        posters: 20,
        seconds: 14,
        marker: `faults ${run}`,
        during: async () => {
          await sleep(2_000);
          await postgres.set(false);
          await sleep(4_000);
          await postgres.set(true);
          backAt = Date.now();
        },
      });
      const stored = await storedTexts({ kind: 'postgres', url }, `faults ${run} %`);
      return {
        server,
        result: tally(answers, stored, 'PostgreSQL stopped mid-run and started again', backAt),
      };
    })();
    return midRun;
  };

  test('PostgreSQL gone mid-run: no 5xx, nothing accepted is lost, posting recovers without a restart', async () => {
    const { result } = await goneMidRun();
    assert.equal(result.lost, 0, 'comments answered as accepted were lost');
    assert.equal(result.errors, 0, 'readers got 5xx answers');
    assert.ok(result.acceptedAfter > 0, 'no comment was accepted after PostgreSQL came back');
  });

  // A dropped connection that reaches Node as an uncaught 'error' event is one unlucky moment
  // away from ending the process; every one must be caught and logged as a line.
  test("PostgreSQL restarts: no uncaught error in the server's log", async () => {
    const { server } = await goneMidRun();
    const uncaught = server.log().match(/uncaughtException|unhandledRejection/g)?.length ?? 0;
    console.log(`     ${uncaught} uncaught errors in the server's log`);
    assert.equal(uncaught, 0);
  });
});
