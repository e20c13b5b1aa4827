// Page weight, the gate: each page in bench/budgets.json (article, front, section, search, live) loads
// no more gzip bytes of JavaScript above Next's runtime, JavaScript in all, CSS and HTML than its
// budget allows (what counts: test/support/page-weight.mjs). One scenario per page.
//   npm run check -- weight [--only article]          (after a build with MASTHEAD_PAGE_SIZE=2)
// It weighs its own copy of the build as `next build` left it, with an empty comment store, so it
// runs beside the e2e run and the other checks, before or after them. The figures and what is
// above the runtime on each page are printed; `node bench/weight.mjs --json` writes them.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { copyBuild } from '../support/build-copy.mjs';
import {
  launchChromium,
  modulesAboveRuntime,
  overBudget,
  pageScale,
  readBudgets,
  tableRow,
  unmappedNotice,
} from '../support/page-weight.mjs';
import { freePort } from '../support/ports.mjs';
import { startNext } from '../support/server.mjs';

const budgets = readBudgets();
// Listings' length is read when a page renders: the budgets hold at the size they were set for.
const pageSize = process.env.MASTHEAD_PAGE_SIZE ?? String(budgets.pageSize);
if (pageSize !== String(budgets.pageSize)) {
  console.warn(
    `note: budgets assume MASTHEAD_PAGE_SIZE=${budgets.pageSize} (command B); listings differ at ${pageSize}`,
  );
}

let copy;
let server;
let browser;
const scale = pageScale();

before(async () => {
  copy = copyBuild('weight');
  server = await startNext({
    port: await freePort(),
    cwd: copy.dir,
    env: {
      MASTHEAD_PAGE_SIZE: pageSize,
      NEXT_TELEMETRY_DISABLED: '1',
      COMMENTS_DB: path.join(copy.dir, 'weight.sqlite'),
    },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  copy?.remove();
  const notice = unmappedNotice(scale.unmapped);
  if (notice) console.warn(notice);
});

/** Each page measured once, for its budgets and for the live story's against the article's. */
const measured = new Map();
const measure = (name) => {
  if (!measured.has(name))
    measured.set(name, scale.measure(browser, server.base, name, budgets.pages[name].path));
  return measured.get(name);
};

for (const [name, page] of Object.entries(budgets.pages)) {
  const limits = Object.entries(page.budget)
    .map(([figure, limit]) => `${figure} ≤ ${limit}`)
    .join(', ');
  test(`${name} (${page.path}) within its budgets: ${limits} gzip bytes`, async () => {
    const result = await measure(name);
    console.log(
      [
        '| page | JS files | JS | runtime | above runtime | CSS | HTML | prefetched JS |',
        tableRow(result),
        ...modulesAboveRuntime(result),
      ].join('\n'),
    );
    assert.deepEqual(overBudget(result, page.budget), []);
  });
}

// Issue 21: the live script is on live pages only, and costs a reader at most this much more.
test(`a running live story loads at most ${budgets.liveOverArticle} B gzip of JavaScript more than an article`, async () => {
  const [live, article] = [await measure('live'), await measure('article')];
  const over = live.jsAboveRuntime - article.jsAboveRuntime;
  console.log(`live story over the article: ${over} B gzip above the runtime`);
  assert.ok(over > 0, 'the live story loads no script of its own: is its island still there?');
  assert.ok(over <= budgets.liveOverArticle, `${over} B over the article`);
});
