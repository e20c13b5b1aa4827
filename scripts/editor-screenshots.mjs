// Pictures of each MDX component as readers see it, for docs/editors.md.
// Usage: npm run build && npm start (port 3000), then node scripts/editor-screenshots.mjs
// (BASE_URL=http://127.0.0.1:PORT for another server).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ['--disable-background-networking'],
});
const page = await browser.newPage({
  viewport: { width: 900, height: 1000 },
  colorScheme: 'light',
});
await page.goto(`${base}/technology/style-guide`, { waitUntil: 'networkidle' });

const shots = {
  timeline: '.article-body table.timeline',
  'key-facts': '.article-body table.key-facts',
  'callout-note': '.article-body .callout[data-tone="note"]',
  'callout-warning': '.article-body .callout[data-tone="warning"]',
  'callout-analysis': '.article-body .callout[data-tone="analysis"]',
  'key-takeaways': '.article-body .key-takeaways',
  'pull-quote': '.article-body .pull-quote',
  'reader-questions': '.article-body .reader-questions',
  table: '.article-body .table-region:not(:has(.timeline)):not(:has(.key-facts))',
};
for (const [name, selector] of Object.entries(shots)) {
  await page
    .locator(selector)
    .first()
    .screenshot({ path: `docs/images/${name}.png` });
}
await page.goto(`${base}/business/ecb-holds-rates-energy-inflation`, { waitUntil: 'networkidle' });
await page
  .getByRole('region', { name: 'Correction' })
  .screenshot({ path: 'docs/images/correction.png' });

// The live story (docs/editors.md, "Live stories"): its top with the Live mark, the summary
// and the key events; an entry; its card on the front page; and the offer an open page shows
// a reader who has scrolled when an entry is published (the feed answered with one more entry,
// as the e2e tests do, so no file of the newsroom changes).
const live = '/politics/hollisport-transit-strike-live';
await page.goto(`${base}${live}`, { waitUntil: 'networkidle' });
await page.locator('main header').first().screenshot({ path: 'docs/images/live-top.png' });
await page.locator('.key-events').screenshot({ path: 'docs/images/live-key-events.png' });
await page
  .locator('.live-updates article.live-update:not([data-pinned])')
  .first()
  .screenshot({ path: 'docs/images/live-entry.png' });
const feed = await (await page.request.get(`${base}${live}/live.json`)).json();
const newest = feed.entries.find((e) => !e.pinned);
const added = {
  ...newest,
  id: 'update-20991231t2359z',
  time: '2099-12-31T23:59:00.000Z',
  html: newest.html.replace(/id="update-[0-9a-z]+"/, 'id="update-20991231t2359z"'),
  v: 'new',
};
const pinned = feed.entries.filter((e) => e.pinned);
const rest = feed.entries.filter((e) => !e.pinned);
await page.route(`**${live}/live.json`, (route) =>
  route.fulfill({ json: { ...feed, version: 'next', entries: [...pinned, added, ...rest] } }),
);
// Scrolled past the newest entry: the page offers the new one rather than moving the reader.
await page.locator('.live-updates article.live-update').last().scrollIntoViewIfNeeded();
await page.evaluate(() => {
  const newest = document.querySelector('.live-updates article.live-update:not([data-pinned])');
  if (newest) window.scrollBy(0, newest.getBoundingClientRect().top + 200);
});
const offer = page.getByRole('button', { name: '1 new update' });
await offer.waitFor({ timeout: 30_000 });
await page.screenshot({ path: 'docs/images/live-new-update.png' });
await page.goto(`${base}/`, { waitUntil: 'networkidle' });
await page
  .locator('main .group', { has: page.locator('.live-mark') })
  .first()
  .screenshot({ path: 'docs/images/live-card.png' });
await browser.close();
console.log(`${Object.keys(shots).length + 6} screenshots in docs/images/`);
