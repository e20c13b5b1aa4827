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

/** The preview form as posted from /admin/preview, from a network of its own. */
const post = (secret: string, address: string, path = DRAFT) => ({
  form: { secret, path },
  maxRedirects: 0,
  headers: { 'x-forwarded-for': address },
});

test('a wrong preview secret is refused', async ({ request }) => {
  const response = await request.post('/api/preview', post('wrong', '203.0.120.10'));
  expect(response.status()).toBe(401);
});

test('a network that keeps guessing the preview secret is made to wait', async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    statuses.push(
      (await request.post('/api/preview', post(`guess-${i}`, '203.0.121.10'))).status(),
    );
  }
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses).toContain(429);
  // While it waits, not even the right secret is looked at; another network is not held up.
  const held = await request.post('/api/preview', post(PREVIEW_SECRET, '203.0.121.10'));
  expect(held.status()).toBe(429);
  expect(Number(held.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await held.text()).toMatch(
    /^Too many wrong preview secrets .* Try again in \d+ seconds?\.$/m,
  );
  expect((await request.post('/api/preview', post(PREVIEW_SECRET, '203.0.122.10'))).status()).toBe(
    303,
  );
});

// Issue 17: a secret in a query string ends up in proxy access logs.
test('the right secret in a URL opens nothing, and is not echoed', async ({ page, request }) => {
  const url = `/api/preview?secret=${PREVIEW_SECRET}&path=${encodeURIComponent(DRAFT)}`;
  const response = await request.get(url, {
    maxRedirects: 0,
    headers: { 'x-forwarded-for': '203.0.123.10' },
  });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe(`/admin/preview?path=${encodeURIComponent(DRAFT)}`);
  expect(response.headers()['set-cookie'] ?? '').toBe('');
  expect(JSON.stringify(response.headers())).not.toContain(PREVIEW_SECRET);
  expect(await response.text()).not.toContain(PREVIEW_SECRET);

  // A browser following an old bookmark lands on the form, with the article's path filled in,
  // and the draft stays hidden.
  await page.goto(url);
  await expect(page).toHaveURL(`/admin/preview?path=${encodeURIComponent(DRAFT)}`);
  await expect(page.getByLabel('Article address')).toHaveValue(DRAFT);
  await expect(page.getByLabel('Preview secret')).toHaveValue('');
  expect(await page.content()).not.toContain(PREVIEW_SECRET);
  const names = (await page.context().cookies()).map((c) => c.name);
  expect(names).not.toContain('__prerender_bypass');
  expect((await page.goto(DRAFT))?.status()).toBe(404);
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
  await page.goto(`/admin/preview?path=${encodeURIComponent(DRAFT)}`);
  await page.getByLabel('Preview secret').fill(PREVIEW_SECRET);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page).toHaveURL(DRAFT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const banner = page.getByRole('status').filter({ hasText: 'Preview — not published' });
  await expect(banner).toBeVisible();
  await expect(page.locator('#comments')).toHaveCount(0);
  // The browser is the newsroom's now: a device cookie for preview, on the form's route alone.
  const device = (await page.context().cookies()).find((c) => c.name === 'masthead_preview_device');
  expect(device).toMatchObject({ httpOnly: true, path: '/api/preview', sameSite: 'Lax' });

  await banner.getByRole('link', { name: 'Exit preview' }).click();
  await expect(page).toHaveURL(DRAFT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
});

test('an editor’s browser opens preview at once from a network that keeps guessing', async ({
  browser,
  request,
}) => {
  const address = '203.0.124.10';
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });
  const page = await context.newPage();
  const open = async () => {
    await page.goto(`/admin/preview?path=${encodeURIComponent(DRAFT)}`);
    await page.getByLabel('Preview secret').fill(PREVIEW_SECRET);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  };
  // The editor opened preview yesterday: the browser has its device cookie.
  await open();
  await context.clearCookies({ name: '__prerender_bypass' });
  // Today someone on the same network guesses until the network is shut out.
  let status = 0;
  for (let i = 0; i < 10 && status !== 429; i++) {
    status = (await request.post('/api/preview', post(`guess-${i}`, address))).status();
  }
  expect(status).toBe(429);
  expect((await request.post('/api/preview', post(PREVIEW_SECRET, address))).status()).toBe(429);
  // The editor's browser is not held up by it.
  await open();
  await context.close();
});
