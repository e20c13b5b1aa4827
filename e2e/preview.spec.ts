import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './test';
import { PREVIEW_SECRET } from '../playwright.config';

const DRAFT = '/politics/draft-council-housing-plan';
const TITLE = 'Hollisport weighs a council housing plan for the old rail yards';

test('a draft appears nowhere readers or robots look', async ({ page, request }) => {
  expect((await page.goto(DRAFT))?.status()).toBe(404);
  for (const path of [
    '/politics',
    '/',
    '/feed.xml',
    '/feed.json',
    '/sitemap.xml',
    '/tags/housing',
    '/search?q=housing+rail+yards',
  ]) {
    const response = await request.get(path);
    expect(await response.text(), path).not.toContain('draft-council-housing-plan');
  }
  expect((await request.get('/tags/housing')).status()).toBe(404);
});

test('a wrong preview secret is refused', async ({ request }) => {
  const response = await request.get(`/api/preview?secret=wrong&path=${DRAFT}`, {
    maxRedirects: 0,
    headers: { 'x-forwarded-for': '203.0.120.10' },
  });
  expect(response.status()).toBe(401);
});

test('a network that keeps guessing the preview secret is made to wait', async ({ request }) => {
  const from = (address: string) => ({ maxRedirects: 0, headers: { 'x-forwarded-for': address } });
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    statuses.push(
      (await request.get(`/api/preview?secret=guess-${i}`, from('203.0.121.10'))).status(),
    );
  }
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses).toContain(429);
  // While it waits, not even the right secret is looked at; another network is not held up.
  const right = `/api/preview?secret=${PREVIEW_SECRET}&path=${DRAFT}`;
  const held = await request.get(right, from('203.0.121.10'));
  expect(held.status()).toBe(429);
  expect(Number(held.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await held.text()).toMatch(
    /^Too many wrong preview secrets .* Try again in \d+ seconds?\.$/m,
  );
  expect((await request.get(right, from('203.0.122.10'))).status()).toBe(303);
});

test('the secret travels in the first request only', async ({ page }) => {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(`${r.url()} ${r.headers()['referer'] ?? ''}`));
  await page.goto(`/api/preview?secret=${PREVIEW_SECRET}&path=${encodeURIComponent(DRAFT)}`);
  await expect(page).toHaveURL(DRAFT);
  await page.waitForLoadState('networkidle');
  const later = seen.slice(1);
  expect(later.length).toBeGreaterThan(1);
  expect(later.filter((line) => line.includes(PREVIEW_SECRET))).toEqual([]);
  expect(await page.evaluate(() => document.referrer)).not.toContain(PREVIEW_SECRET);
  expect(await page.content()).not.toContain(PREVIEW_SECRET);
});

test('an editor opens preview from a form, and the secret is in no URL at all', async ({
  page,
}) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(`${r.url()} ${r.headers()['referer'] ?? ''}`));
  await page.goto(`/admin/preview?path=${encodeURIComponent(DRAFT)}`);
  await expect(page.getByLabel('Article address')).toHaveValue(DRAFT);
  await page.getByLabel('Preview secret').fill(PREVIEW_SECRET);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page).toHaveURL(DRAFT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  expect(urls.filter((line) => line.includes(PREVIEW_SECRET))).toEqual([]);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('an editor previews a draft with a banner, then leaves preview', async ({ page }) => {
  await page.goto(`/api/preview?secret=${PREVIEW_SECRET}&path=${encodeURIComponent(DRAFT)}`);
  await expect(page).toHaveURL(DRAFT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const banner = page.getByRole('status').filter({ hasText: 'Preview — not published' });
  await expect(banner).toBeVisible();
  await expect(page.locator('#comments')).toHaveCount(0);

  await banner.getByRole('link', { name: 'Exit preview' }).click();
  await expect(page).toHaveURL(DRAFT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
});
