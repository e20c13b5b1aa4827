import { expect, test, type Response } from './test';
import { PREVIEW_SECRET } from '../playwright.config';
import { expectOutcome, fillComment, newReader, signInAsAdmin, unique } from './comment-helpers';
import { KIM } from './fixtures';

// The policy of docs/decisions/008: browsers revalidate, a CDN keeps a copy for s-maxage seconds
// and may serve it a day longer while it fetches a new one.
const cdn = (sMaxAge: number) =>
  `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=86400`;
const PRIVATE = /^(private, )?no-cache, no-store, max-age=0, must-revalidate$/;

const CDN_CACHED: Record<string, string> = {
  '/': cdn(30),
  '/world': cdn(30),
  '/world/page/2': cdn(30),
  [KIM.url]: cdn(30),
  '/tags': cdn(30),
  '/tags/north-korea': cdn(30),
  '/authors/omar-el-sayed': cdn(30),
  '/authors/lena-vogel/page/2': cdn(30),
  '/corrections': cdn(30),
  '/privacy': cdn(30),
  '/feed.xml': cdn(300),
  '/atom.xml': cdn(300),
  '/feed.json': cdn(300),
  '/world/feed.xml': cdn(300),
  '/sitemap.xml': cdn(300),
  '/robots.txt': cdn(300),
  '/news-sitemap.xml': cdn(600),
  '/logo.png': cdn(3600),
  '/images/kim-new-year-message-putin-alliance.jpg': cdn(3600),
  [`${KIM.url}/opengraph-image`]:
    'public, max-age=86400, s-maxage=86400, stale-while-revalidate=604800',
};

test('every public page, feed, sitemap and picture can be kept by a CDN that revalidates', async ({
  request,
}) => {
  for (const [path, policy] of Object.entries(CDN_CACHED)) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toBe(policy);
  }
});

test('scripts and styles are immutable; optimised images keep Next’s own lifetime', async ({
  page,
}) => {
  const assets: Response[] = [];
  page.on('response', (response) => {
    if (/\/_next\/(static|image)/.test(response.url())) assets.push(response);
  });
  await page.goto(KIM.url, { waitUntil: 'networkidle' });
  const statics = assets.filter((r) => r.url().includes('/_next/static/'));
  const images = assets.filter((r) => r.url().includes('/_next/image'));
  expect(statics.length).toBeGreaterThan(0);
  expect(images.length).toBeGreaterThan(0);
  for (const response of statics) {
    expect(response.headers()['cache-control'], response.url()).toBe(
      'public, max-age=31536000, immutable',
    );
  }
  for (const response of images) {
    expect(response.headers()['cache-control'], response.url()).toMatch(/^public, max-age=\d+/);
  }
});

test('search, moderation and missing pages are never stored', async ({ request }) => {
  for (const path of ['/search', '/search?q=russia', '/admin/comments', '/no-such-page']) {
    const response = await request.get(path);
    expect(response.headers()['cache-control'], path).toMatch(PRIVATE);
  }
});

test('an editor’s preview is never stored', async ({ page }) => {
  const draft = '/politics/draft-council-housing-plan';
  await page.goto(`/admin/preview?path=${encodeURIComponent(draft)}`);
  await page.getByLabel('Preview secret').fill(PREVIEW_SECRET);
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === draft);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page).toHaveURL(draft);
  expect((await response).headers()['cache-control']).toMatch(PRIVATE);
});

test('a comment post is never stored, with or without JavaScript', async ({ browser }) => {
  for (const javaScript of [true, false]) {
    const id = unique();
    const { context, page } = await newReader(browser, { javaScript });
    await page.goto(KIM.url);
    await fillComment(page, {
      name: `Cache ${id}`,
      email: `cache-${id}@example.com`,
      comment: `Checking what may be stored ${id}`,
    });
    await page.waitForTimeout(3_200);
    // Only the post itself: with JavaScript, focusing the form has already fetched a token.
    const posted = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Post comment' }).click();
    const response = await posted;
    await expectOutcome(page, 'held');
    expect(response.headers()['cache-control'], `JavaScript ${javaScript}`).toMatch(PRIVATE);
    await context.close();
  }
});

test('signing in to moderation is never stored', async ({ page }) => {
  const posted = page.waitForResponse((r) => r.request().method() === 'POST');
  await signInAsAdmin(page);
  expect((await posted).headers()['cache-control']).toMatch(PRIVATE);
});
