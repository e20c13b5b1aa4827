// Page weight, the figures: the gzip bytes of JavaScript, CSS and HTML that the pages in
// bench/budgets.json (article, front, section, search) make Chromium load from a production
// build, with what is above Next's runtime module by module. What counts is described in
// test/support/page-weight.mjs, which the gate (test/checks/weight.mjs, in command B) shares.
//
//   node bench/weight.mjs [--build] [--check] [--json out.json]
//
// --build runs `npm run build` first, with the budgets' MASTHEAD_PAGE_SIZE unless one is set.
// Without BASE_URL it serves its own copy of the build (test/support/build-copy.mjs), so pages
// regenerated since the build are not what it weighs, on a free port, and removes the copy at
// the end. --check exits 1 when a page is over a budget, naming the page, the figure and by how
// much (the gate does the same, a scenario per page: npm run check -- weight).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyBuild } from '../test/support/build-copy.mjs';
import {
  launchChromium,
  overBudget,
  pageScale,
  readBudgets,
  table,
  unmappedNotice,
} from '../test/support/page-weight.mjs';
import { freePort } from '../test/support/ports.mjs';
import { startNext } from '../test/support/server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const budgets = readBudgets();
const pageSize = process.env.MASTHEAD_PAGE_SIZE ?? String(budgets.pageSize);
const env = { ...process.env, MASTHEAD_PAGE_SIZE: pageSize, NEXT_TELEMETRY_DISABLED: '1' };

if (pageSize !== String(budgets.pageSize)) {
  console.warn(
    `note: budgets assume MASTHEAD_PAGE_SIZE=${budgets.pageSize} (command B); listings differ at ${pageSize}`,
  );
}

if (args.includes('--build')) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function startServer() {
  const copy = copyBuild('weight-bench');
  // Its own empty comment store, in the copy: measuring must not touch the site's data/.
  const server = await startNext({
    port: await freePort(),
    cwd: copy.dir,
    env: { ...env, COMMENTS_DB: path.join(copy.dir, 'weight.sqlite') },
  }).catch((error) => {
    copy.remove();
    throw error;
  });
  return {
    base: server.base,
    stop: async () => {
      await server.stop();
      copy.remove();
    },
  };
}

const server = process.env.BASE_URL
  ? { base: process.env.BASE_URL.replace(/\/$/, ''), stop: async () => {} }
  : await startServer();
const scale = pageScale();
const results = [];
let browser;
try {
  browser = await launchChromium();
  for (const [name, page] of Object.entries(budgets.pages)) {
    results.push(await scale.measure(browser, server.base, name, page.path));
  }
} finally {
  await browser?.close();
  await server.stop();
}

console.log(table(results));
const notice = unmappedNotice(scale.unmapped);
if (notice) console.warn(`\n${notice}`);
if (jsonOut) {
  const report = { date: new Date().toISOString(), pageSize: Number(pageSize), pages: results };
  writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
}

if (args.includes('--check')) {
  const over = results.flatMap((r) => overBudget(r, budgets.pages[r.name].budget));
  console.log(over.length ? `\n${over.join('\n')}` : '\nevery page is within its budgets');
  process.exit(over.length ? 1 : 0);
}
