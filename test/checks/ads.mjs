// Advertising, for real. Part of command B, after the main build.
//   node test/checks/ads.mjs [--reports DIR] [--suite house|script] [--only PATTERN]
//                            [--build-only | --test-only]
// Runs the advertising specs (e2e/ads/) against two production servers:
//   1. house promotions, on a copy of the main build (test/support/build-copy.mjs), no rebuild:
//      house advertising is content, so content/ads.yaml and two scenario stories are published
//      into the copy with `npm run publish` while its server runs, as an editor would; then slots
//      filled from content, axe, CLS with late pictures;
//   2. a script provider, on a build of its own (test/.scratch/ads-script): the provider's
//      origins join the Content-Security-Policy that next.config.js writes at build time, and
//      the main build's policy admits nothing third-party. A fake ad server on loopback;
//      consent, lazy filling, CSP, a blocked script and the notice.
// --build-only makes the script build and stops (command B can run it while the main build's
// e2e run is going on); --test-only runs both suites, on the script build --build-only left.
// Neither: the script build runs beside the house suite. --only passes a pattern to
// Playwright's --grep, to run one scenario by name; --suite runs one of the two.
// Playwright's JSON reports go to DIR (reports/) as ads-house.json and ads-script.json, which
// test/run/tally.mjs counts; a suite that could not start (no build, a failed publish) writes
// its report with the reason as an error, so the tally counts it failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyBuild, root } from '../support/build-copy.mjs';
import { copyCheckoutFiles } from '../support/checkout-files.mjs';
import { startFakeAdServer } from '../support/fake-ad-server.mjs';
import { freePort } from '../support/ports.mjs';
import { startNext } from '../support/server.mjs';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: 'reports' },
    suite: { type: 'string' },
    only: { type: 'string' },
    'build-only': { type: 'boolean', default: false },
    'test-only': { type: 'boolean', default: false },
  },
});
if (
  (values.suite !== undefined && !['house', 'script'].includes(values.suite)) ||
  (values['build-only'] && values['test-only'])
) {
  console.error(
    'usage: node test/checks/ads.mjs [--reports DIR] [--suite house|script] [--only PATTERN] [--build-only | --test-only]',
  );
  process.exit(2);
}
const reports = path.resolve(values.reports);
const bin = path.join(root, 'node_modules', '.bin');
const scriptDir = path.join(root, 'test', '.scratch', 'ads-script');
/** Written once the script build has finished: the fake ad server's origin it admits. */
const builtMark = path.join(scriptDir, 'ads-check-build.json');
const ADMIN_PASSWORD = 'ads-check-admin-password';
/**
 * The script build and its server unset these, whatever command B exports: the site's own
 * listings and prerendering, and no standalone folder (`next start` serves the build; the
 * image's folder is not needed here, and its tracing is a good part of a build's time).
 */
const SITE_DEFAULTS = {
  MASTHEAD_PAGE_SIZE: undefined,
  MASTHEAD_PRERENDER_ARTICLES: undefined,
  MASTHEAD_STANDALONE: undefined,
};
const PUBLISH_SECRET = 'ads-check-publish-secret';

/** The slots of both files; a listing slot after every `every` cards. */
const slots = (every) => `slots:
  article:
    afterParagraphs: [3, 9]
    minParagraphs: 6
    size: { phone: 300x250, desktop: 728x90 }
  listing:
    every: ${every}
    size: { phone: 300x250, desktop: 970x250 }
  footer:
    size: { phone: 320x100, desktop: 970x90 }
`;

// The house copy serves the main build with its listings (command B's two: its server must
// regenerate pages as long as the build made them), so a listing slot after every card.
const HOUSE = `provider: house
${slots(1)}promotions:
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
${slots(2)}`;

const story = (title, paragraphs, extra = '') =>
  `---\ntitle: "${title}"\ndek: "A story the ads check adds to its copy."\ndate: 2026-01-05T08:00:00Z\nsection: world\nauthor: omar-el-sayed\ntags: [ads-check]\n${extra}---\n\n${Array.from(
    { length: paragraphs },
    (_, i) => `Paragraph ${i + 1} of this story, long enough to read as one.`,
  ).join('\n\n')}\n`;

/** content/ads.yaml and the scenario stories (e2e/ads/helpers.ts: SHORT, NO_ADS) in `dir`. */
function writeContent(dir, adsYaml) {
  const articles = path.join(dir, 'content', 'articles');
  writeFileSync(path.join(articles, 'ads-check-short-story.mdx'), story('A short story', 4));
  writeFileSync(
    path.join(articles, 'ads-check-no-ads-story.mdx'),
    story('A story with no advertising', 12, 'ads: false\n'),
  );
  writeFileSync(path.join(dir, 'content', 'ads.yaml'), adsYaml);
}

/** Runs a command to its end, its output passed through; resolves to whether it exited 0. */
function run(command, args, { cwd, env = process.env }) {
  const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
  return new Promise((resolve) => {
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}

/** A report the tally counts as failed, for a suite that could not run: it says why. */
function couldNotRun(mode, why) {
  console.log(`FAIL ads-${mode}: ${why}`);
  writeFileSync(
    path.join(reports, `ads-${mode}.json`),
    JSON.stringify({
      stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      errors: [{ message: `ads-${mode}: ${why}` }],
    }),
  );
  return false;
}

/** The specs of one mode against `base`; their JSON report to reports/ads-<mode>.json. */
function specs(mode, base, extraEnv = {}) {
  const args = ['test', '--config', path.join(root, 'e2e', 'ads', 'playwright.config.ts')];
  if (values.only) args.push('--grep', values.only);
  // Not spawnSync: the fake ad server answers from this process while the specs run.
  return run(path.join(bin, 'playwright'), [...args, '--reporter=list,json'], {
    cwd: root,
    env: {
      ...process.env,
      ...extraEnv,
      ADS_MODE: mode,
      ADS_BASE_URL: base,
      PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, `ads-${mode}.json`),
    },
  });
}

/** A production server of `dir` on a port of its own, with a comments database inside `dir`. */
async function serve(dir, env = {}) {
  return startNext({
    port: await freePort(),
    cwd: dir,
    env: { COMMENTS_DB: path.join(dir, 'ads-check.sqlite'), ADMIN_PASSWORD, ...env },
  });
}

/** House promotions: the main build's copy, its ads published while it serves. */
async function houseSuite() {
  console.log('== house promotions: published into a copy of the main build');
  let copy;
  try {
    copy = copyBuild('ads-house');
  } catch (error) {
    return couldNotRun('house', error instanceof Error ? error.message : String(error));
  }
  let server;
  try {
    writeContent(copy.dir, HOUSE);
    server = await serve(copy.dir, { PUBLISH_SECRET });
    const published = await run(
      path.join(bin, 'tsx'),
      ['scripts/publish.ts', '--server', server.base],
      { cwd: copy.dir, env: { ...process.env, PUBLISH_SECRET } },
    );
    if (!published) return couldNotRun('house', 'npm run publish did not put ads.yaml live');
    return await specs('house', server.base);
  } catch (error) {
    return couldNotRun('house', error instanceof Error ? error.message : String(error));
  } finally {
    await server?.stop();
    copy.remove();
  }
}

/**
 * The script provider's build: the checkout with an ads.yaml naming a fake ad server on a port
 * the OS gives now, which the test phase listens on again (built into the policy, it cannot
 * change). Niced: it is meant to run beside the e2e run, which comes first.
 */
async function buildScript() {
  console.log('== script provider: its own build (test/.scratch/ads-script)');
  rmSync(scriptDir, { recursive: true, force: true });
  mkdirSync(scriptDir, { recursive: true });
  copyCheckoutFiles(root, scriptDir);
  const origin = `http://127.0.0.1:${await freePort()}`;
  writeContent(scriptDir, script(origin));
  const built = await run(
    'nice',
    ['-n', '10', 'sh', '-c', 'tsx scripts/content.ts && next build'],
    {
      cwd: scriptDir,
      // Node leaves out of a child's environment the names set to undefined here.
      env: {
        ...process.env,
        ...SITE_DEFAULTS,
        PATH: `${bin}:${process.env.PATH}`,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  if (!built) {
    rmSync(scriptDir, { recursive: true, force: true });
    return false;
  }
  writeFileSync(builtMark, JSON.stringify({ origin }));
  return true;
}

/** The script provider's suite, on the build buildScript made; the build is removed after. */
async function scriptSuite() {
  if (!existsSync(builtMark)) {
    return couldNotRun('script', 'no script build (node test/checks/ads.mjs --build-only failed?)');
  }
  const { origin } = JSON.parse(readFileSync(builtMark, 'utf8'));
  console.log(`== script provider at ${origin}`);
  let adServer;
  let server;
  try {
    const csp = readFileSync(path.join(scriptDir, '.next', 'routes-manifest.json'), 'utf8');
    if (!csp.includes(origin)) {
      return couldNotRun('script', 'the build did not put the ad server into its policy');
    }
    adServer = await startFakeAdServer({ port: Number(new URL(origin).port), delayMs: 1500 });
    server = await serve(scriptDir, SITE_DEFAULTS);
    return await specs('script', server.base, { FAKE_AD_ORIGIN: origin });
  } catch (error) {
    return couldNotRun('script', error instanceof Error ? error.message : String(error));
  } finally {
    await server?.stop();
    await adServer?.close();
    rmSync(scriptDir, { recursive: true, force: true });
  }
}

mkdirSync(reports, { recursive: true });
const started = performance.now();
const house = values.suite !== 'script' && !values['build-only'];
const scripted = values.suite !== 'house';
let ok = true;
/** buildScript, a throw (a copy that failed) counted as a failed build. */
const build = () =>
  buildScript().catch((error) => {
    console.log(`FAIL script build: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  });
if (values['build-only']) {
  ok = scripted ? await build() : true;
} else {
  // The script build (unless --test-only made it already) beside the house suite.
  const building = scripted && !values['test-only'] ? build() : Promise.resolve(true);
  if (house) ok = (await houseSuite()) && ok;
  if (scripted) {
    ok = (await building) && ok;
    ok = (await scriptSuite()) && ok;
  }
}
const took = ((performance.now() - started) / 1000).toFixed(0);
console.log(`ads check: ${ok ? 'all held' : 'FAILED'} (${took} s)`);
process.exit(ok ? 0 : 1);
