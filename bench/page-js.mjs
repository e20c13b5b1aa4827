// Measures the JavaScript a page makes the browser load: every script response, gzip-compressed
// as a CDN would send it. Usage (with `next start` running):
//   node bench/page-js.mjs http://127.0.0.1:3000 /world/kim-new-year-message-putin-alliance
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [base = 'http://127.0.0.1:3000', ...paths] = process.argv.slice(2);
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ['--disable-background-networking'],
});

const results = [];
for (const path of paths.length ? paths : ['/']) {
  const page = await browser.newPage();
  const scripts = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(
      response
        .body()
        .then((body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body).length })),
    );
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  const loaded = await Promise.all(scripts);
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join(''),
  );
  results.push({
    path,
    files: loaded.length,
    raw: loaded.reduce((n, s) => n + s.raw, 0),
    gzip: loaded.reduce((n, s) => n + s.gzip, 0),
    inlineGzip: gzipSync(inline).length,
    chunks: loaded
      .map((s) => ({ file: new URL(s.url).pathname, gzip: s.gzip }))
      .sort((a, b) => b.gzip - a.gzip),
  });
  await page.close();
}
await browser.close();
console.log(JSON.stringify(results, null, 2));
