import { test } from './test';
import { newReader, postComment, signInAsAdmin } from './comment-helpers';
import { PAGES } from './fixtures';

/**
 * Screenshots for people to look at (`npm run screenshots`, after `npm run build`), kept in
 * test-results/screenshots/. Not part of command B, as they assert nothing:
 * their job is to be opened and checked by eye after a change to what readers see.
 */
const WIDTHS = { phone: 390, desktop: 1280 };

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [device, width] of Object.entries(WIDTHS)) {
    test(`screenshots at ${width}px (${colorScheme})`, async ({ browser }) => {
      // Full pages of every kind, one after another: 22–28 s measured on the 2-core machine,
      // too near the default 30 s when anything else runs beside it.
      test.setTimeout(90_000);
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(path, { waitUntil: 'networkidle' });
        await page.screenshot({
          path: `test-results/screenshots/${name.replace(/ /g, '-')}-${device}-${colorScheme}.png`,
          fullPage: true,
        });
      }
      await page.close();
    });
  }
}

test('screenshots of the comment form with errors and the moderation page', async ({ browser }) => {
  // Several posts and full-page pictures at two widths; measured at 26 s of the default 30 s.
  test.setTimeout(90_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [device, width] of Object.entries(WIDTHS)) {
      const { context, page } = await newReader(browser);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(PAGES.article);
      await postComment(page, {
        name: '',
        email: 'not-an-email',
        comment: 'Kept after the error.',
      });
      await page.locator('form.comment-form').getByRole('alert').waitFor();
      await page.locator('#comments').screenshot({
        path: `test-results/screenshots/comment-errors-${device}-${colorScheme}.png`,
      });
      await signInAsAdmin(page);
      await page.screenshot({
        path: `test-results/screenshots/admin-${device}-${colorScheme}.png`,
        fullPage: true,
      });
      await context.close();
    }
  }
});
