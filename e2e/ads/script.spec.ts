import type { Browser, Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { expect, test } from '../test';
import { layoutShifts, LONG, NO_ADS, readDown, watchLayoutShifts } from './helpers';

test.skip(process.env.ADS_MODE !== 'script', 'runs on the script build of test/checks/ads.mjs');

/** The fake ad server test/checks/ads.mjs started, and built into this build's ads.yaml. */
const AD_ORIGIN = process.env.FAKE_AD_ORIGIN ?? '';

async function adRequests(): Promise<string[]> {
  return ((await (await fetch(`${AD_ORIGIN}/__requests`)).json()) as string[]).filter(
    (url) => !url.startsWith('/__'),
  );
}

test.beforeEach(async () => {
  await fetch(`${AD_ORIGIN}/__reset`, { method: 'POST' });
});

const banner = (page: Page) => page.getByRole('region', { name: 'Advertising on Masthead' });
const creatives = (page: Page) => page.locator('[data-ad-slot] img[data-fake-creative]');

async function accept(page: Page) {
  await banner(page).getByRole('button', { name: 'Accept ads' }).click();
  await expect(banner(page)).toBeHidden();
}

test('the policy admits exactly the ad server, and only this build has it', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy']!;
  const sources = csp
    .split(';')
    .flatMap((d) => d.trim().split(/\s+/).slice(1))
    .filter((s) => !s.startsWith("'"));
  expect(new Set(sources)).toEqual(new Set([AD_ORIGIN]));
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([n, ...v]) => [n, v]),
  );
  expect(directives.get('script-src')).toContain(AD_ORIGIN);
  expect(directives.get('frame-src')).toEqual([AD_ORIGIN]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
});

test('nothing reaches the ad server before consent; after it the slots fill', async ({ page }) => {
  await page.goto(LONG);
  await expect(banner(page)).toBeVisible();
  // The reader can read and scroll the whole story without answering.
  await readDown(page);
  await page.waitForTimeout(1_000);
  expect(await adRequests()).toEqual([]);
  await expect(creatives(page)).toHaveCount(0);
  expect(await page.evaluate(() => 'mastheadAds' in window)).toBe(false);

  await page.evaluate(() => window.scrollTo(0, 0));
  await accept(page);
  await expect.poll(adRequests).toContain('/masthead.js');
  // Only the slots near the viewport: the top of the story, not the footer.
  await page.locator('[data-placement="article"]').first().scrollIntoViewIfNeeded();
  await expect(
    page.locator('[data-placement="article"] img[data-fake-creative]').first(),
  ).toBeVisible();
  expect(await page.locator('[data-placement="footer"] img[data-fake-creative]').count()).toBe(0);
  await page.locator('[data-placement="footer"]').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-placement="footer"] img[data-fake-creative]')).toBeVisible();
  // Each creative the size its slot reserved on this screen.
  for (const img of await creatives(page).all()) {
    const [box, slot] = await img.evaluate((el) => [
      { w: el.getBoundingClientRect().width, h: el.getBoundingClientRect().height },
      el.parentElement!.dataset.adDesktop,
    ]);
    expect(`${box.w}x${box.h}`).toBe(slot);
  }
  expect((await adRequests()).filter((u) => u === '/masthead.js')).toHaveLength(1);

  // Remembered: the next page asks nothing and loads the ads.
  await page.goto('/world');
  await expect(banner(page)).toBeHidden();
  await expect.poll(() => creatives(page).count()).toBeGreaterThan(0);
});

test('a late creative moves nothing (CLS 0), and the measurement sees a shift without the reservation', async ({
  browser,
}) => {
  for (const reserve of [true, false]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(() =>
      localStorage.setItem('masthead:ads-consent', `accepted:${Date.now()}`),
    );
    const page = await context.newPage();
    await watchLayoutShifts(page);
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('img[data-fake-creative]')) return;
        (window as unknown as { __creativeAt: number }).__creativeAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(LONG);
    const slot = page.locator('[data-placement="article"]').first();
    if (!reserve) {
      await slot.locator('.ad-slot-box').evaluate((box) => {
        (box as HTMLElement).style.height = 'auto';
        (box as HTMLElement).style.contain = 'none';
        (box as HTMLElement).style.containerType = 'normal';
      });
    }
    // In view before the creative, which the fake server sends 1.5 s after it is asked.
    await slot.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -200));
    await expect(slot.locator('img[data-fake-creative]')).toBeVisible({ timeout: 10_000 });
    await page.waitForTimeout(500);
    // The creative's own shifts: from the moment it joined the page. A shift before it (once,
    // 0.0013, on CI's busiest minute) is the page's while loading, which Lighthouse and the
    // main suite measure; this asks only whether the late creative moves anything.
    const arrived = await page.evaluate(
      () => (window as unknown as { __creativeAt: number }).__creativeAt,
    );
    const shifts = await layoutShifts(page);
    const total = shifts.filter((s) => s.at >= arrived).reduce((sum, s) => sum + s.value, 0);
    if (reserve) expect(total, JSON.stringify({ arrived, shifts })).toBe(0);
    else expect(total).toBeGreaterThan(0.01);
    await context.close();
  }
});

test('"Privacy choices" reopens the banner; declining stops the ads from the next page on', async ({
  page,
}) => {
  await page.goto(LONG);
  await accept(page);
  await page.getByRole('link', { name: 'Privacy choices' }).click();
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText('You have accepted');
  await expect(page.locator('#ad-consent-heading')).toBeFocused();
  await banner(page).getByRole('button', { name: 'No, thanks' }).click();
  await page.waitForLoadState('load');
  await fetch(`${AD_ORIGIN}/__reset`, { method: 'POST' });
  await page.goto('/world');
  await expect(banner(page)).toBeHidden();
  await readDown(page);
  await page.waitForTimeout(1_000);
  expect(await adRequests()).toEqual([]);
});

test('without JavaScript nothing third-party loads and no empty slot shows', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(LONG);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('[data-placement="article"]').first()).toBeHidden();
  await expect(banner(page)).toHaveCount(0);
  expect(await adRequests()).toEqual([]);
  await context.close();
});

test('no ad script on a story marked ads: false', async ({ browser }) => {
  const context = await reader(browser);
  const page = await context.newPage();
  await page.goto(NO_ADS);
  await readDown(page);
  await page.waitForTimeout(1_000);
  expect(await adRequests()).toEqual([]);
  await context.close();
});

/**
 * A reader who has answered the banner already; `ads` says what their browser does with the
 * ad server: lets it through, blocks it as an ad blocker does, or gets a script that offers to
 * fill and then leaves every slot empty.
 */
async function reader(
  browser: Browser,
  {
    consent = 'accepted',
    ads = 'allowed',
  }: { consent?: string; ads?: 'allowed' | 'blocked' | 'empty' } = {},
) {
  const context = await browser.newContext();
  await context.addInitScript(
    (choice) => localStorage.setItem('masthead:ads-consent', `${choice}:${Date.now()}`),
    consent,
  );
  if (ads === 'blocked') {
    await context.route(`${AD_ORIGIN}/**`, (route) => route.abort('blockedbyclient'));
  } else if (ads === 'empty') {
    await context.route(`${AD_ORIGIN}/masthead.js`, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'window.mastheadAds.provide(function () {});',
      }),
    );
  }
  return context;
}

const notice = (page: Page) => page.getByRole('region', { name: 'Our ads did not load' });

test('a blocked script: the notice shows once, below the header, covering nothing', async ({
  browser,
}) => {
  // It waits 16 s on purpose (the notice must not come back), near the default 30 s when the
  // machine is busy with other suites: the time is the harness's, not a bound of the notice.
  test.setTimeout(60_000);
  const context = await reader(browser, { ads: 'blocked' });
  const page = await context.newPage();
  await watchLayoutShifts(page);
  await page.goto(LONG);
  await expect(notice(page)).toBeVisible({ timeout: 10_000 });
  // Not asserted: the notice arrives after the first paint and moves the story below it down,
  // once a week for a reader with a blocker (docs/decisions/016). The figure goes in the report.
  const shift = (await layoutShifts(page)).reduce((sum, s) => sum + s.value, 0);
  test.info().annotations.push({ type: 'notice layout shift', description: shift.toFixed(4) });
  console.log(`notice layout shift: ${shift.toFixed(4)}`);
  await expect(notice(page).getByRole('link', { name: /support the newsroom/ })).toHaveAttribute(
    'href',
    '/support',
  );
  // In the flow under the header, not over anything, and no focus taken.
  const placement = await notice(page).evaluate((el) => ({
    after: el.previousElementSibling?.tagName,
    position: getComputedStyle(el).position,
    focused: el.contains(document.activeElement),
  }));
  expect(placement).toEqual({ after: 'HEADER', position: 'static', focused: false });
  const box = (await notice(page).boundingBox())!;
  for (const other of [page.locator('h1'), page.locator('.article-body p').first()]) {
    const b = (await other.boundingBox())!;
    expect(box.y >= b.y + b.height || box.y + box.height <= b.y).toBe(true);
  }
  expect(await axeViolations(page)).toEqual([]);

  // Dismissed with the keyboard: gone, and not back in this session.
  await notice(page).getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await expect(notice(page)).toHaveCount(0);
  await page.goto('/business/container-lines-test-return-to-red-sea');
  await page.waitForTimeout(8_000);
  await expect(notice(page)).toHaveCount(0);
  await context.close();

  // Another session within the week: shown at most once a week.
  const later = await reader(browser, { ads: 'blocked' });
  await later.addInitScript(() =>
    localStorage.setItem('masthead:ads-notice-shown', String(Date.now() - 86_400_000)),
  );
  const again = await later.newPage();
  await again.goto(LONG);
  await again.waitForTimeout(8_000);
  await expect(notice(again)).toHaveCount(0);
  await later.close();
});

test('slots the script leaves empty count as blocked too', async ({ browser }) => {
  const context = await reader(browser, { ads: 'empty' });
  const page = await context.newPage();
  await page.goto(LONG);
  await readDown(page);
  await expect(notice(page)).toBeVisible({ timeout: 15_000 });
  await context.close();
});

test('no notice for a reader who declined', async ({ browser }) => {
  const context = await reader(browser, { consent: 'declined', ads: 'blocked' });
  const page = await context.newPage();
  await page.goto(LONG);
  await page.waitForTimeout(8_000);
  await expect(notice(page)).toHaveCount(0);
  await context.close();
});

test('axe finds no violations with the consent banner open', async ({ page }) => {
  // Two full axe runs on the longest article: 30.7 s seen beside command B's other lanes.
  test.setTimeout(60_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(LONG);
    await expect(banner(page)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  }
});
