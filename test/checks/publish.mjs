// Publishing, for real, each scenario a test:
//   node test/run/check.mjs publish [--only "pattern"]   (after npm run build)
// On its own copy of the build (copyBuild, so the main build and the e2e suite's content stay
// untouched), with `next start` on a port from the OS: a new article, an edit and a removal
// published with `npm run publish` reach the article's URL, the front page, its section and
// topic, the feeds, the sitemap and search; a file with a mistake publishes nothing and says
// where; a scheduled article goes live at its time with nobody publishing; a folder linking to
// itself publishes nothing. The push webhook's scenarios are in test/checks/publish-push.mjs.
// Everything on loopback; the copy is removed at the end.
//
// The working-tree scenarios build on each other (publish, edit, a mistake, removal), in that
// order; each one run alone publishes what it needs first (`haveStory`).
import { execFileSync, spawn } from 'node:child_process';
import { rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyBuild, root } from '../support/build-copy.mjs';
import { freePort } from '../support/ports.mjs';
import { startNext } from '../support/server.mjs';
import { describePushes, REPOSITORY } from './publish-push.mjs';

const TSX = path.join(root, 'node_modules', '.bin', 'tsx');
const SECRET = 'publish-check-secret';
const STORY = 'publish-check-story';
const TITLE = 'Publish check: a story without a rebuild';
const EDITED = 'Publish check: a story corrected after publication';

const article = (
  title,
  { date = '2026-12-01T08:00:00Z', section = 'world', tags = '[publish-check]' } = {},
) =>
  `---\ntitle: "${title}"\ndek: "Published by the publish check."\ndate: ${date}\nsection: ${section}\nauthor: omar-el-sayed\ntags: ${tags}\n---\n\nThis story was published while the server kept running.\n`;

/** Where a story should be listed once live, and what answers there. */
const LISTINGS = [
  '/',
  '/world',
  '/tags/publish-check',
  '/feed.xml',
  '/sitemap.xml',
  '/search?q=publish+check',
];

async function page(base, url) {
  const response = await fetch(base + url);
  return { status: response.status, text: await response.text() };
}

async function waitFor(predicate, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await predicate()) return true;
    if (Date.now() > deadline) return false;
    await sleep(500);
  }
}

const git = (cwd, ...args) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Publish check', '-c', 'user.email=check@masthead.invalid', ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  ).trim();

/**
 * What the scenarios share, filled in by `before`: the copy, its server, the newsroom's content
 * repository (`origin`, which the server fetches pushed commits from) and a colleague's clone of
 * it (`desk`).
 * @type {{ dir: string, base: string, server: { base: string, log: () => string },
 *   origin: string, desk: string }}
 */
const ctx = { dir: '', base: '', server: { base: '', log: () => '' }, origin: '', desk: '' };
const content = (...parts) => path.join(ctx.dir, 'content', ...parts);

/** The longest `npm run publish` so far in this run: a loaded machine can take 20 s and more. */
let slowestPublish = 0;

/**
 * Runs scripts/publish.ts in the copy. Asynchronous, so this process goes on reading its
 * sockets meanwhile: after a synchronous run, fetch would reuse a keep-alive connection the
 * server had closed in the meantime ("other side closed").
 */
function runPublish(args, env = {}) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ctx.dir, 'scripts', 'publish.ts'), ...args], {
      cwd: ctx.dir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = Date.now() - started;
      slowestPublish = Math.max(slowestPublish, ms);
      resolve({ code, output, ms });
    });
  });
}

const publish = () => runPublish(['--server', ctx.base], { PUBLISH_SECRET: SECRET });

/** The places (of the article's URL and LISTINGS) where the story is live. */
async function everywhere(slug, title) {
  const seen = [];
  const story = await page(ctx.base, `/world/${slug}`);
  if (story.status === 200 && story.text.includes(title)) seen.push(`/world/${slug}`);
  for (const url of LISTINGS) {
    if ((await page(ctx.base, url)).text.includes(slug)) seen.push(url);
  }
  return seen;
}

/** The headline the story was last published with, or null while it is not published. */
let published = null;

/** Set-up for a scenario that needs the story live: publishes it with `title` unless it is. */
async function haveStory(title) {
  if (published === title) return;
  writeFileSync(content('articles', `${STORY}.mdx`), article(title));
  const run = await publish();
  assert.equal(run.code, 0, `set-up: publishing the story failed:\n${run.output}`);
  published = title;
}

let server;

describe('publish', () => {
  before(async () => {
    ctx.dir = copyBuild('publish').dir;
    ctx.origin = path.join(ctx.dir, '.origin.git');
    ctx.desk = path.join(ctx.dir, '.desk');
    // The newsroom's content repository: the webhook scenarios push to it, the server fetches
    // from it. The copy is a repository of its own (nested in the checkout, which ignores it).
    git(ctx.dir, 'init', '--quiet', '-b', 'main');
    git(ctx.dir, 'add', '-A', 'content');
    git(ctx.dir, 'commit', '--quiet', '-m', 'content as built');
    git(ctx.dir, 'clone', '--quiet', '--bare', ctx.dir, ctx.origin);
    git(ctx.dir, 'clone', '--quiet', ctx.origin, ctx.desk);
    server = await startNext({
      port: await freePort(),
      cwd: ctx.dir,
      env: {
        PUBLISH_SECRET: SECRET,
        PUBLISH_REMOTE: ctx.origin,
        PUBLISH_BRANCH: 'refs/heads/main',
        PUBLISH_REPOSITORY: REPOSITORY,
      },
    });
    ctx.server = server;
    ctx.base = server.base;
  });

  after(async () => {
    await server?.stop();
    // Also when copyBuild itself threw half way.
    rmSync(path.join(root, 'test', '.scratch', 'publish'), { recursive: true, force: true });
  });

  test('new article: npm run publish puts it live at its URL, the front page, its section and topic, the feeds, the sitemap and search', async (t) => {
    writeFileSync(content('articles', `${STORY}.mdx`), article(TITLE));
    const run = await publish();
    if (run.code === 0) published = TITLE;
    const seen = await everywhere(STORY, TITLE);
    t.diagnostic(
      `npm run publish exits ${run.code} after ${run.ms} ms; live at ${seen.length} of ${LISTINGS.length + 1} places (${seen.join(' ')})`,
    );
    assert.equal(run.code, 0, run.output);
    assert.deepEqual(seen, [`/world/${STORY}`, ...LISTINGS]);
  });

  test('edit: a corrected headline replaces the old one on the article and the front page', async (t) => {
    await haveStory(TITLE);
    writeFileSync(content('articles', `${STORY}.mdx`), article(EDITED));
    const run = await publish();
    if (run.code === 0) published = EDITED;
    const front = await page(ctx.base, '/');
    const story = await page(ctx.base, `/world/${STORY}`);
    t.diagnostic(`npm run publish exits ${run.code} after ${run.ms} ms`);
    assert.equal(run.code, 0, run.output);
    assert.ok(story.text.includes(EDITED), 'the article shows the new headline');
    assert.ok(front.text.includes(EDITED), 'the front page shows the new headline');
    assert.ok(!front.text.includes(TITLE), 'the front page no longer shows the old headline');
  });

  test('a file with a mistake publishes nothing, names file:line and field, and what was live stays live', async (t) => {
    await haveStory(EDITED);
    const bad = content('articles', 'publish-check-bad.mdx');
    writeFileSync(bad, article('Bad', { section: 'wrold' }));
    let run;
    try {
      run = await publish();
    } finally {
      unlinkSync(bad);
    }
    t.diagnostic(
      run.output
        .split('\n')
        .filter((line) => line.includes('publish-check-bad'))
        .join('\n'),
    );
    assert.equal(run.code, 1, run.output);
    assert.ok(
      run.output.includes(
        'content/articles/publish-check-bad.mdx:5  section  unknown section "wrold"',
      ),
      run.output,
    );
    assert.ok(
      (await page(ctx.base, `/world/${STORY}`)).text.includes(EDITED),
      'the published story is still live',
    );
  });

  test('removal: the article answers 404 and is in no listing', async (t) => {
    await haveStory(published ?? EDITED);
    unlinkSync(content('articles', `${STORY}.mdx`));
    const run = await publish();
    if (run.code === 0) published = null;
    const seen = await everywhere(STORY, EDITED);
    const gone = await page(ctx.base, `/world/${STORY}`);
    t.diagnostic(
      `npm run publish exits ${run.code} after ${run.ms} ms; the article answers ${gone.status} and is in ${seen.length} listings`,
    );
    assert.equal(run.code, 0, run.output);
    assert.equal(gone.status, 404);
    assert.deepEqual(seen, []);
  });

  test('scheduled article: 404 before its time, live everywhere at its time with nobody publishing', async (t) => {
    // Its time must come after the publish that makes it known (and the first look at it):
    // at least 15 s, longer where publishing has been slow (CI under load: 24 s).
    const at = new Date(Date.now() + Math.max(15_000, 2 * slowestPublish + 5_000));
    const scheduled = 'Publish check: a story that waits for its time';
    writeFileSync(
      content('articles', 'publish-check-scheduled.mdx'),
      article(scheduled, { date: at.toISOString() }),
    );
    const run = await publish();
    const early = await page(ctx.base, '/world/publish-check-scheduled');
    const lookedEarly = Date.now() < at.getTime();
    const live = await waitFor(
      async () => {
        const found = await everywhere('publish-check-scheduled', scheduled);
        return found.length === LISTINGS.length + 1;
      },
      at.getTime() - Date.now() + 60_000,
    );
    t.diagnostic(
      `scheduled for ${at.toISOString()}: ${early.status} before its time, live everywhere ${live ? `${((Date.now() - at.getTime()) / 1000).toFixed(1)} s after it` : 'never (within 60 s of it)'}`,
    );
    assert.equal(run.code, 0, run.output);
    assert.ok(lookedEarly, `publishing took ${run.ms} ms, past the article's time`);
    assert.equal(early.status, 404, 'not live before its time');
    assert.ok(live, 'live everywhere within 60 s of its time');
  });

  // content/ is data: a folder linking to itself in the working tree publishes nothing.
  test('a folder linking to itself in content/ publishes nothing, and is named', async () => {
    const loop = content('articles', 'publish-check-loop');
    symlinkSync('.', loop);
    let run;
    try {
      run = await publish();
    } finally {
      unlinkSync(loop);
    }
    assert.equal(run.code, 1, run.output);
    assert.ok(
      run.output.includes('content/articles/publish-check-loop:1  file  is a symbolic link'),
      run.output,
    );
  });

  // The push webhook: a colleague commits and pushes, the git host calls it (and others try to).
  describePushes({ ctx, secret: SECRET, runPublish, git, article, page, waitFor });
});
