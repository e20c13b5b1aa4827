// Publishing, for real. Part of command B, after the production build.
//   node test/checks/publish.mjs
// On a scratch copy of this checkout and its build (so the e2e suite's content is untouched),
// with `next start` running: a new article, an edit and a removal published with
// `npm run publish` reach the article's URL, the front page, its section and topic, the feeds,
// the sitemap and search; a file with a mistake publishes nothing and says where; a scheduled
// article goes live at its time with nobody publishing; a folder linking to itself publishes
// nothing; a signed GitHub push webhook publishes the pushed commit even after 240 forged ones,
// and a redelivered push, another repository's, an old commit replayed and a commit with links
// in content/ publish nothing; a token in PUBLISH_REMOTE is never printed
// (test/checks/publish-push.mjs). Everything on loopback; the scratch copy is removed at
// the end. Exit 0 only when all held. PUBLISH_CHECK_PORT moves its server (default 3320).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyCheckoutFiles } from '../support/checkout-files.mjs';
import { checkPushes, REPOSITORY } from './publish-push.mjs';
import { startNext } from '../support/server.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const scratch = path.join(root, 'bench', '.scratch', 'publish-check');
const PORT = Number(process.env.PUBLISH_CHECK_PORT ?? 3320);
const TSX = path.join(root, 'node_modules', '.bin', 'tsx');
const SECRET = 'publish-check-secret';
let failures = 0;

function report(ok, line) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (!ok) failures += 1;
}

/** The checkout as git has it, with the build and the content versions it was made from. */
function copyCheckout() {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  copyCheckoutFiles(root, scratch);
  cpSync(path.join(root, '.next'), path.join(scratch, '.next'), {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(root, '.next', 'cache')),
  });
  cpSync(path.join(root, '.masthead'), path.join(scratch, '.masthead'), {
    recursive: true,
    verbatimSymlinks: true,
  });
}

const article = (
  title,
  { date = '2026-12-01T08:00:00Z', section = 'world', tags = '[publish-check]' } = {},
) =>
  `---\ntitle: "${title}"\ndek: "Published by the publish check."\ndate: ${date}\nsection: ${section}\nauthor: omar-el-sayed\ntags: ${tags}\n---\n\nThis story was published while the server kept running.\n`;

function publish(server) {
  const started = Date.now();
  const run = spawnSync(TSX, [path.join(scratch, 'scripts', 'publish.ts'), '--server', server], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, PUBLISH_SECRET: SECRET },
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}`, ms: Date.now() - started };
}

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

async function everywhere(base, slug, title) {
  const seen = [];
  const article = await page(base, `/world/${slug}`);
  if (article.status === 200 && article.text.includes(title)) seen.push(`/world/${slug}`);
  for (const url of LISTINGS) {
    if ((await page(base, url)).text.includes(slug)) seen.push(url);
  }
  return seen;
}

async function waitFor(predicate, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await predicate()) return true;
    if (Date.now() > deadline) return false;
    await sleep(500);
  }
}

const content = (...parts) => path.join(scratch, 'content', ...parts);
const git = (cwd, ...args) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Publish check', '-c', 'user.email=check@masthead.invalid', ...args],
    {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ).trim();

copyCheckout();
const origin = path.join(scratch, '.origin.git');
const desk = path.join(scratch, '.desk');
// The newsroom's content repository: the webhook check pushes to it, the server fetches from it.
git(scratch, 'init', '--quiet', '-b', 'main');
git(scratch, 'add', '-A', 'content');
git(scratch, 'commit', '--quiet', '-m', 'content as built');
git(scratch, 'clone', '--quiet', '--bare', scratch, origin);

const server = await startNext({
  port: PORT,
  cwd: scratch,
  env: {
    PUBLISH_SECRET: SECRET,
    PUBLISH_REMOTE: origin,
    PUBLISH_BRANCH: 'refs/heads/main',
    PUBLISH_REPOSITORY: REPOSITORY,
  },
});
try {
  const title = 'Publish check: a story without a rebuild';
  writeFileSync(content('articles', 'publish-check-story.mdx'), article(title));
  let run = publish(server.base);
  let seen = await everywhere(server.base, 'publish-check-story', title);
  report(
    run.code === 0 && seen.length === LISTINGS.length + 1,
    `new article: npm run publish exits ${run.code} after ${run.ms} ms; live at ${seen.length} of ${LISTINGS.length + 1} places (${seen.join(' ')})`,
  );

  const edited = 'Publish check: a story corrected after publication';
  writeFileSync(content('articles', 'publish-check-story.mdx'), article(edited));
  run = publish(server.base);
  const front = await page(server.base, '/');
  const story = await page(server.base, '/world/publish-check-story');
  report(
    run.code === 0 &&
      story.text.includes(edited) &&
      front.text.includes(edited) &&
      !front.text.includes(title),
    `edit: exits ${run.code} after ${run.ms} ms; the article and the front page show the new headline`,
  );

  writeFileSync(content('articles', 'publish-check-bad.mdx'), article('Bad', { section: 'wrold' }));
  run = publish(server.base);
  report(
    run.code === 1 &&
      run.output.includes(
        'content/articles/publish-check-bad.mdx:5  section  unknown section "wrold"',
      ) &&
      (await page(server.base, '/world/publish-check-story')).text.includes(edited),
    `a file with a mistake: exits ${run.code}, names file:line and field, and what was live stays live`,
  );
  if (run.code !== 1) console.log(run.output);
  else
    console.log(
      run.output
        .split('\n')
        .filter((line) => line.includes('publish-check-bad'))
        .join('\n'),
    );
  unlinkSync(content('articles', 'publish-check-bad.mdx'));

  unlinkSync(content('articles', 'publish-check-story.mdx'));
  run = publish(server.base);
  seen = await everywhere(server.base, 'publish-check-story', edited);
  const gone = await page(server.base, '/world/publish-check-story');
  report(
    run.code === 0 && gone.status === 404 && seen.length === 0,
    `removal: exits ${run.code} after ${run.ms} ms; the article answers ${gone.status} and is in ${seen.length} listings`,
  );

  const at = new Date(Date.now() + 15_000);
  const scheduled = 'Publish check: a story that waits for its time';
  writeFileSync(
    content('articles', 'publish-check-scheduled.mdx'),
    article(scheduled, { date: at.toISOString() }),
  );
  run = publish(server.base);
  const early = await page(server.base, '/world/publish-check-scheduled');
  const live = await waitFor(async () => {
    const found = await everywhere(server.base, 'publish-check-scheduled', scheduled);
    return found.length === LISTINGS.length + 1;
  }, 75_000);
  report(
    run.code === 0 && early.status === 404 && live,
    `scheduled for ${at.toISOString()}: ${early.status} before its time, live everywhere ${live ? `${((Date.now() - at.getTime()) / 1000).toFixed(1)} s after it` : 'never (within 60 s)'}`,
  );

  // content/ is data: a folder linking to itself in the working tree publishes nothing.
  const loop = content('articles', 'publish-check-loop');
  symlinkSync('.', loop);
  run = publish(server.base);
  unlinkSync(loop);
  report(
    run.code === 1 &&
      run.output.includes('content/articles/publish-check-loop:1  file  is a symbolic link'),
    `a folder linking to itself in content/: exits ${run.code}, and names it`,
  );

  // The push webhook: a colleague commits and pushes, the git host calls it (and others try to).
  git(scratch, 'clone', '--quiet', origin, desk);
  await checkPushes({
    server,
    secret: SECRET,
    desk,
    scratch,
    tsx: TSX,
    git,
    article,
    page,
    waitFor,
    report,
  });
} catch (error) {
  report(false, `the check itself failed: ${error instanceof Error ? error.stack : error}`);
} finally {
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(failures === 0 ? 'publish checks passed' : `publish checks FAILED (${failures})`);
process.exit(failures === 0 ? 0 : 1);
