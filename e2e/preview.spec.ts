import { expect, test } from '@playwright/test';
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
  });
  expect(response.status()).toBe(401);
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
