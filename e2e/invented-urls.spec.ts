import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { KIM } from './fixtures';

// proxy.ts refuses paths that name nothing before Next renders them (docs/decisions/011): each
// answers 404 and leaves nothing in Next's cache, however many a crawler invents.

const PRIVATE = /^(private, )?no-cache, no-store, max-age=0, must-revalidate$/;
const DRAFT = '/politics/draft-council-housing-plan';

/** A word no page has ever had, so any file named after it was written by this test. */
const invented = () => `invented-${randomBytes(6).toString('hex')}`;

/** Every file under .next whose path names `word`. */
function cachedFiles(word: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      if (full.includes(word)) found.push(full);
    }
  };
  walk('.next');
  return found;
}

/** Next writes what it caches after it has answered. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

/** The invented URLs of every kind, each with its own word. */
function inventedPaths(word: string): string[] {
  return [
    `/${word}`,
    `/${word}/${word}`,
    `/world/${word}`,
    `/world/page/999${word.length}`,
    '/world/page/01',
    `/tags/${word}`,
    `/tags/north-korea/page/999${word.length}`,
    `/authors/${word}`,
    `/authors/${word}/page/2`,
    `/authors/omar-el-sayed/page/999${word.length}`,
    `/world/${word}/opengraph-image`,
    `/${word}/${word}/opengraph-image`,
    `/world/${word}/comment`,
    `/${word}/feed.xml`,
    `/comments/${word}/reply`,
    `/world/${word}%2F..%2F`,
  ];
}

async function expectRefused(request: APIRequestContext, url: string, headers = {}) {
  const response = await request.get(url, { headers });
  expect(response.status(), url).toBe(404);
  expect(response.headers()['cache-control'], url).toMatch(PRIVATE);
  expect(response.headers()['x-content-type-options'], url).toBe('nosniff');
  expect(response.headers()['content-security-policy'], url).toContain("frame-ancestors 'none'");
}

test('invented URLs of every kind answer 404 and leave nothing in Next’s cache', async ({
  request,
}) => {
  const word = invented();
  for (const url of inventedPaths(word)) await expectRefused(request, url);
  // Client-side navigations and prefetches ask the same URLs for the RSC payload.
  for (const url of [`/world/${word}`, `/tags/${word}`, `/authors/${word}/page/2`]) {
    await expectRefused(request, url, { RSC: '1' });
    await expectRefused(request, url, { RSC: '1', 'Next-Router-Prefetch': '1' });
  }
  // Next strips a trailing `.rsc` before the proxy sees the path: next.config.js redirects it.
  const rsc = await request.get(`${KIM.url}.rsc`, { maxRedirects: 0 });
  expect(rsc.status()).toBe(308);
  expect(rsc.headers()['location']).toBe(KIM.url);
  await expectRefused(request, `/world/${word}.rsc`);
  await settle();
  expect(cachedFiles(word)).toEqual([]);
  expect(cachedFiles(`${path.basename(KIM.url)}.rsc.meta`)).toEqual([]);
  // Page numbers are refused before a page renders, so none is stored under a real number.
  expect(cachedFiles('/world/page/999')).toEqual([]);
});

test('a reader gets the site’s own not-found page, with header, footer and search', async ({
  page,
}) => {
  const word = invented();
  const response = await page.goto(`/world/${word}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
  await expect(page.getByRole('banner').getByRole('search')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Latest stories' }).getByRole('link'),
  ).not.toHaveCount(0);
});

test('a client-side navigation to an invented URL shows the not-found page and caches nothing', async ({
  page,
}) => {
  const word = invented();
  const rsc: number[] = [];
  page.on('response', (response) => {
    if (response.url().includes(word) && response.request().headers()['rsc']) {
      rsc.push(response.status());
    }
  });
  await page.goto(KIM.url);
  // The App Router's own instance, as a <Link> would use it.
  await page.evaluate((to) => {
    const router = (
      window as unknown as {
        next: { router: { prefetch(u: string): void; push(u: string): void } };
      }
    ).next.router;
    router.prefetch(`${to}-prefetched`);
    router.push(to);
  }, `/world/${word}`);
  await expect(page).toHaveURL(`/world/${word}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
  expect(rsc.length).toBeGreaterThan(0);
  expect(rsc.every((status) => status === 404)).toBe(true);
  await settle();
  expect(cachedFiles(word)).toEqual([]);
});

test('an article’s card is drawn once and then served from the cache; no card for the rest', async ({
  request,
}) => {
  const card = `${KIM.url}/opengraph-image`;
  const first = await request.get(card);
  expect(first.status()).toBe(200);
  expect(first.headers()['content-type']).toBe('image/png');
  const second = await request.get(card);
  expect(second.headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
  expect(second.headers()['cache-control']).toBe(
    'public, max-age=86400, s-maxage=86400, stale-while-revalidate=604800',
  );
  for (const url of [
    `${DRAFT}/opengraph-image`,
    `/politics${KIM.url.slice('/world'.length)}/opengraph-image`,
  ]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
});

test('a forged draft-mode cookie opens neither a draft nor an invented URL', async ({
  browser,
  baseURL,
}) => {
  const word = invented();
  const context = await browser.newContext();
  await context.addCookies([{ name: '__prerender_bypass', value: 'forged', url: baseURL! }]);
  const { request } = context;
  await expectRefused(request, DRAFT);
  await expectRefused(request, `/politics/${word}`);
  await settle();
  expect(cachedFiles(word)).toEqual([]);
  await context.close();
});

test('an editor’s real draft-mode cookie opens a draft, and still no invented URL', async ({
  browser,
  baseURL,
}) => {
  // The value Next's draft mode sets: this build's preview id (what /api/preview turns on).
  const { previewModeId } = JSON.parse(readFileSync('.next/server/preview-props.json', 'utf8')) as {
    previewModeId: string;
  };
  const word = invented();
  const context = await browser.newContext();
  await context.addCookies([{ name: '__prerender_bypass', value: previewModeId, url: baseURL! }]);
  const { request } = context;
  expect((await request.get(DRAFT)).status()).toBe(200);
  await expectRefused(request, `/politics/${word}`);
  await expectRefused(request, `${DRAFT}/opengraph-image`);
  await settle();
  expect(cachedFiles(word)).toEqual([]);
  await context.close();
});
