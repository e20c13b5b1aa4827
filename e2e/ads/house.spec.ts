import type { Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { expect, test } from '../test';
import {
  layoutShifts,
  LONG,
  NO_ADS,
  readDown,
  SHORT,
  STYLE_GUIDE,
  watchLayoutShifts,
} from './helpers';

test.skip(process.env.ADS_MODE !== 'house', 'runs on the house copy of test/checks/ads.mjs');

const slots = (page: Page, placement: string) =>
  page.locator(`[aria-label="Advertisement"][data-placement="${placement}"]`);

test('an article has its in-article slots after whole paragraphs, labelled for everyone', async ({
  page,
}) => {
  await page.goto(LONG);
  await expect(slots(page, 'article')).toHaveCount(2);
  await expect(slots(page, 'footer')).toHaveCount(1);
  for (const slot of await slots(page, 'article').all()) {
    await expect(slot.getByText('Advertisement', { exact: true })).toBeVisible();
    await expect(slot.locator('.promo')).toHaveCount(1);
    // Between top-level blocks of the body, after a paragraph, before prose.
    const around = await slot.evaluate((el) => [
      el.parentElement?.classList.contains('article-body') ?? false,
      el.previousElementSibling?.tagName,
      el.nextElementSibling?.tagName,
    ]);
    expect(around[0]).toBe(true);
    expect(around[1]).toBe('P');
    expect(['P', 'H2', 'H3']).toContain(around[2]);
  }
  // The newsroom's own promotion, no third party: every request stayed on this site.
  const origins = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => new URL(r.name).origin),
  );
  expect(new Set(origins)).toEqual(new Set([new URL(page.url()).origin]));
});

test('never inside a table, timeline or list, and none in short or ads: false stories', async ({
  page,
}) => {
  await page.goto(STYLE_GUIDE);
  const inside = await page
    .locator('[data-placement="article"]')
    .evaluateAll((els) =>
      els.filter((el) => el.closest('table, ul, ol, dl, blockquote, [role="note"], .timeline')),
    );
  expect(inside).toHaveLength(0);

  await page.goto(SHORT);
  await expect(page.locator('h1')).toBeVisible();
  await expect(slots(page, 'article')).toHaveCount(0);
  await expect(slots(page, 'footer')).toBeVisible();

  await page.goto(NO_ADS);
  await expect(page.locator('h1')).toBeVisible();
  await expect(slots(page, 'article')).toHaveCount(0);
  // The slot above the footer is hidden on such a story too.
  await expect(slots(page, 'footer')).toBeHidden();
});

test('listing slots part the cards on section pages and follow "Latest" on the front page', async ({
  page,
}) => {
  await page.goto('/world');
  const slot = slots(page, 'listing').first();
  await expect(slot).toBeVisible();
  expect(await slot.evaluate((el) => el.previousElementSibling?.tagName)).toBe('UL');
  expect(await slot.evaluate((el) => el.nextElementSibling?.tagName)).toBe('UL');
  await page.goto('/');
  await expect(slots(page, 'listing')).toHaveCount(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const path of ['/', '/world', LONG, STYLE_GUIDE, '/support', '/privacy']) {
    test(`axe finds no violations with house ads on ${path} (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

for (const viewport of [
  { width: 390, height: 844, name: 'phone' },
  { width: 1280, height: 900, name: 'desktop' },
]) {
  test(`CLS is 0 on a ${viewport.name} while the promotions' pictures arrive late`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await watchLayoutShifts(page);
    // Every promotion picture three seconds late, as on a slow phone network.
    let delayed = 0;
    await page.route(/\/images\/promotions\//, async (route) => {
      delayed += 1;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue();
    });
    await page.goto(LONG);
    await readDown(page);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.ad-slot img')].every(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      ),
    );
    expect(delayed).toBeGreaterThanOrEqual(2);
    expect(await layoutShifts(page)).toEqual([]);
  });
}

test('promotion pictures are lazy: fetched as their slot nears the viewport', async ({ page }) => {
  await page.goto(LONG);
  const pictures = page.locator('.ad-slot img');
  expect(await pictures.count()).toBeGreaterThanOrEqual(3);
  for (const img of await pictures.all()) await expect(img).toHaveAttribute('loading', 'lazy');
});
