import { expect, test } from './test';
import { KIM, PAGES } from './fixtures';

// This suite's build has no content/ads.yaml, as a new site has none. Advertising configured is
// tested on builds of its own (test/checks/ads.mjs, e2e/ads/).

test('with no advertising configured: no slot, no ad code, no third party in the policy', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push(await response.text());
  });
  for (const path of [PAGES.front, PAGES.section, KIM.url, '/support', '/privacy']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[aria-label="Advertisement"], .ad-slot'), path).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Advertising on Masthead' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Privacy choices' })).toHaveCount(0);
    const csp = response!.headers()['content-security-policy']!;
    const sources = csp
      .split(';')
      .flatMap((d) => d.trim().split(/\s+/).slice(1))
      .filter((s) => !s.startsWith("'"));
    expect(sources, path).toEqual([]);
  }
  expect(scripts.length).toBeGreaterThan(0);
  // The contract's name is in the only module that loads a provider (lib/ads/runtime.ts).
  expect(scripts.filter((text) => text.includes('mastheadAds'))).toEqual([]);
  expect(scripts.filter((text) => text.includes('masthead:ads-consent'))).toEqual([]);
});

test('the support page is written as content', async ({ page }) => {
  await page.goto('/support');
  await expect(page.getByRole('heading', { level: 1, name: 'Support Masthead' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Three ways to help' })).toBeVisible();
  await expect(page).toHaveTitle(/Support Masthead/);
});
