import { expect, test, type Page } from './test';
import { axeViolations } from './axe';
import { KIM } from './fixtures';

// The sample newsroom's running live story (content/articles/hollisport-transit-strike-live.mdx).
const STORY = '/politics/hollisport-transit-strike-live';
const FEED = `${STORY}/live.json`;

type Entry = { id: string; time: string; html: string; v: string; pinned?: true };
type Feed = { version: string; ended: boolean; entries: Entry[]; since: string | null };

test('the live endpoint: the newest page with its HTML, an ETag and a 304, for live stories only', async ({
  request,
}) => {
  const response = await request.get(FEED);
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe(
    'public, max-age=0, s-maxage=5, stale-while-revalidate=10',
  );
  const etag = response.headers().etag!;
  const feed = (await response.json()) as Feed;
  expect(etag).toBe(`"${feed.version}"`);
  expect(feed.ended).toBe(false);
  expect(feed.entries[0]?.html).toMatch(/^<article id="update-/);
  const again = await request.get(FEED, { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
  for (const path of [`${KIM.url}/live.json`, '/politics/no-such-story/live.json']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

/** The real feed, and one with a new entry at 23:59 made from its newest. */
async function feeds(page: Page) {
  const real = (await (await page.request.get(FEED)).json()) as Feed;
  const newest = real.entries.find((e) => !e.pinned)!;
  const id = 'update-20261207t2359z';
  const added: Entry = {
    id,
    time: '2026-12-07T23:59:00.000Z',
    html: newest.html
      .replace(/id="update-[0-9a-z]+"/, `id="${id}"`)
      .replace(/<h3>[^<]*<\/h3>/, '<h3>A new entry arrives</h3>'),
    v: 'new',
  };
  const pinned = real.entries.filter((e) => e.pinned);
  const others = real.entries.filter((e) => !e.pinned);
  return { real, next: { ...real, version: 'next', entries: [...pinned, added, ...others] } };
}

/** Opens the story and waits for the island to schedule its first poll (it loads on its own). */
async function open(page: Page) {
  await page.clock.install();
  await page.goto(STORY);
  await expect(page.locator('.live-updates [data-polling]')).toBeAttached();
}

/** Answers the page's polls with `feed` from now on. */
const serve = (page: Page, feed: Feed) =>
  page.route(`**${FEED}`, (route) => route.fulfill({ json: feed }));

/** Everything that shifted since the page loaded (CLS without the recent-input exclusion). */
const shifts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number })[])
            total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 200);
      }),
  );

test('a reader at the top sees a new entry appear in place, announced once', async ({ page }) => {
  await open(page);
  const { next } = await feeds(page);
  await serve(page, next);
  await page.clock.runFor(15_000);
  const entries = page.locator('.live-updates article.live-update:not([data-pinned])');
  await expect(entries.first()).toHaveAttribute('id', 'update-20261207t2359z');
  await expect(page.getByRole('status')).toHaveText('1 new update');
  await expect(page.getByRole('button', { name: /new update/ })).toBeHidden();
  await expect(page).not.toHaveTitle(/^\(\d+\)/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a reader who has scrolled is offered the entry, nothing moves, the title counts it (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    const { next } = await feeds(page);
    await serve(page, next);
    await page.locator('.live-updates article.live-update').last().scrollIntoViewIfNeeded();
    const before = await shifts(page);
    await page.clock.runFor(15_000);
    const offer = page.getByRole('button', { name: '1 new update' });
    await expect(offer).toBeVisible();
    await expect(page).toHaveTitle(/^\(1\) /);
    await expect(page.locator('#update-20261207t2359z')).toHaveCount(0);
    expect(await shifts(page)).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    await offer.click();
    await expect(page.locator('#update-20261207t2359z')).toBeFocused();
    await expect(page).not.toHaveTitle(/^\(\d+\)/);
  });
}

test('an edited entry changes in place; polling stops once coverage has ended', async ({
  page,
}) => {
  await open(page);
  const { real } = await feeds(page);
  const [first, ...rest] = real.entries.filter((e) => !e.pinned);
  const edited = {
    ...first!,
    html: first!.html.replace(/<h3>[^<]*<\/h3>/, '<h3>Corrected headline</h3>'),
    v: 'edited',
  };
  let polls = 0;
  await page.route(`**${FEED}`, (route) => {
    polls += 1;
    return route.fulfill({
      json: {
        ...real,
        version: 'ended',
        ended: true,
        entries: [...real.entries.filter((e) => e.pinned), edited, ...rest],
      },
    });
  });
  await page.clock.runFor(15_000);
  await expect(page.locator(`#${first!.id} h3`)).toHaveText('Corrected headline');
  await expect(page.locator('.live-updates [data-polling]')).toHaveCount(0);
  await page.clock.runFor(600_000);
  expect(polls).toBe(1);
});

test('without JavaScript the live page is complete and has no live script', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(STORY);
  await expect(page.locator('.live-updates article.live-update').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /new update/ })).toBeHidden();
  await context.close();
});

test('an ordinary article and an older page of the story never poll', async ({ page }) => {
  const polled: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/live.json')) polled.push(r.url());
  });
  await page.clock.install();
  for (const path of [KIM.url, `${STORY}/page/2`]) {
    const response = await page.goto(path);
    if (response?.status() === 404) continue; // the sample story may fit on one page
    await page.clock.runFor(60_000);
  }
  expect(polled).toEqual([]);
});
