import { axeViolations } from './axe';
import { expect, test } from './test';
import { PAGES } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`axe finds no violations on the ${name} page (${colorScheme})`, async ({ page }) => {
      // The first of each page renders it on a server just started, then axe reads it all:
      // 36 s seen while command B's other lanes ran, past the 30 s default.
      test.setTimeout(60_000);
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
