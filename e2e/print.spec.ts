import { expect, test } from './test';
import { STYLE_GUIDE } from './fixtures';

test('printing leaves out navigation and toggles and shows where links go', async ({ page }) => {
  await page.goto(STYLE_GUIDE);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Dark mode' })).toBeHidden();
  await expect(page.locator('footer.site-footer')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const link = page.locator('.article-body a[href^="/world/"]').first();
  const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('/world/');
});
