// Advertising, for real. Part of command B, after the main e2e run.
//   node test/checks/ads.mjs [--reports DIR]
// The main suite's build has no content/ads.yaml, as a new site has none. This check builds a
// scratch copy of the checkout twice more, each with an ads.yaml of its own, and runs the
// advertising specs (e2e/ads/) against each production server:
//   1. house promotions: slots filled from content, axe, CLS with late pictures;
//   2. a script provider: a fake ad server on loopback, started here and built into the policy;
//      consent, lazy filling, CSP, a blocked script and the notice.
// Playwright's JSON reports go to DIR (reports/) as ads-house.json and ads-script.json, which
// test/run/tally.mjs counts. Everything on loopback; the scratch copy is removed after.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyCheckoutFiles } from '../support/checkout-files.mjs';
import { startFakeAdServer } from '../support/fake-ad-server.mjs';
import { startNext } from '../support/server.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const scratch = path.join(root, 'bench', '.scratch', 'ads-check');
const reportsArg = process.argv.indexOf('--reports');
const reports = path.resolve(reportsArg > 0 ? process.argv[reportsArg + 1] : 'reports');
const PORT = 3340;
const bin = path.join(root, 'node_modules', '.bin');
// The site's defaults, not command B's listings of two: the builds and their servers (which
// regenerate pages with what they are given) must agree on a page's length.
delete process.env.MASTHEAD_PAGE_SIZE;
delete process.env.MASTHEAD_PRERENDER_ARTICLES;
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NEXT_TELEMETRY_DISABLED: '1' };

const SLOTS = `slots:
  article:
    afterParagraphs: [3, 9]
    minParagraphs: 6
    size: { phone: 300x250, desktop: 728x90 }
  listing:
    every: 2
    size: { phone: 300x250, desktop: 970x250 }
  footer:
    size: { phone: 320x100, desktop: 970x90 }
`;

const HOUSE = `provider: house
${SLOTS}promotions:
  - title: The Morning Briefing
    text: The five stories you need before nine, with the numbers behind them.
    href: /support
    action: Sign up
    image: { src: /images/promotions/morning-briefing.jpg, alt: '' }
  - title: Become a member
    text: Members pay what they choose, and it goes to reporting first.
    href: /support
    action: Join
    image: { src: /images/promotions/membership.jpg, alt: '' }
`;

const script = (origin) => `provider: script
script:
  src: ${origin}/masthead.js
${SLOTS}`;

const story = (title, paragraphs, extra = '') =>
  `---\ntitle: "${title}"\ndek: "A story the ads check adds to its scratch copy."\ndate: 2026-01-05T08:00:00Z\nsection: world\nauthor: omar-el-sayed\ntags: [ads-check]\n${extra}---\n\n${Array.from(
    { length: paragraphs },
    (_, i) => `Paragraph ${i + 1} of this story, long enough to read as one.`,
  ).join('\n\n')}\n`;

function prepare() {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  copyCheckoutFiles(root, scratch);
  const articles = path.join(scratch, 'content', 'articles');
  writeFileSync(path.join(articles, 'ads-check-short-story.mdx'), story('A short story', 4));
  writeFileSync(
    path.join(articles, 'ads-check-no-ads-story.mdx'),
    story('A story with no advertising', 12, 'ads: false\n'),
  );
}

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: scratch,
    env: { ...env, ...extraEnv },
    stdio: 'inherit',
  });
  return result.status === 0;
}

function build(adsYaml) {
  writeFileSync(path.join(scratch, 'content', 'ads.yaml'), adsYaml);
  return run('sh', ['-c', 'tsx scripts/content.ts && next build']);
}

async function specs(mode, extraEnv = {}) {
  const db = path.join(tmpdir(), `masthead-ads-${mode}.sqlite`);
  rmSync(db, { force: true });
  const server = await startNext({
    port: PORT,
    cwd: scratch,
    env: { COMMENTS_DB: db, ADMIN_PASSWORD: 'ads-check-admin-password' },
  });
  try {
    // Not spawnSync: the fake ad server answers from this process while the specs run.
    const child = spawn(
      path.join(bin, 'playwright'),
      [
        'test',
        '--config',
        path.join(root, 'e2e', 'ads', 'playwright.config.ts'),
        '--reporter=list,json',
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...env,
          ...extraEnv,
          ADS_MODE: mode,
          ADS_BASE_URL: server.base,
          PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, `ads-${mode}.json`),
        },
      },
    );
    return await new Promise((resolve) => child.on('exit', (code) => resolve(code === 0)));
  } finally {
    await server.stop();
    rmSync(db, { force: true });
  }
}

mkdirSync(reports, { recursive: true });
const adServer = await startFakeAdServer({ delayMs: 1500 });
let ok = true;
try {
  prepare();
  // ADS_CHECK_ONLY=house or =script runs one of the two, while working on it.
  const only = process.env.ADS_CHECK_ONLY;
  console.log('== house promotions: build');
  if (only === 'script') console.log('(skipped)');
  else if (build(HOUSE)) ok = (await specs('house')) && ok;
  else ok = false;
  console.log(`== script provider at ${adServer.origin}: build`);
  if (only === 'house') console.log('(skipped)');
  else if (build(script(adServer.origin))) {
    const csp = readFileSync(path.join(scratch, '.next', 'routes-manifest.json'), 'utf8');
    if (!csp.includes(adServer.origin)) {
      console.log('FAIL the build did not put the ad server into its policy');
      ok = false;
    }
    ok = (await specs('script', { FAKE_AD_ORIGIN: adServer.origin })) && ok;
  } else ok = false;
} finally {
  await adServer.close();
  if (ok) rmSync(scratch, { recursive: true, force: true });
}
console.log(ok ? 'ads check: all held' : 'ads check: FAILED');
process.exit(ok ? 0 : 1);
