// Pictures of each MDX component as readers see it, for docs/editors.md.
// Usage: npm run build && npm start (port 3000), then node scripts/editor-screenshots.mjs
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
await browser.close();
console.log(`${Object.keys(shots).length + 1} screenshots in docs/images/`);
