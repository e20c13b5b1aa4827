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
  expect(response.headers()['cache-control']).toBe('public, max-age=0, s-maxage=1');
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

/** The entries of the page's updates section, in order, pinned marked with a star. */
const order = (page: Page) =>
  page
    .locator('.live-updates article.live-update')
    .evaluateAll((els) => els.map((el) => el.id + (el.hasAttribute('data-pinned') ? '*' : '')));

test('each entry says how long ago it was, kept current, moving nothing, on a phone too', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page);
  const entries = page.locator('.live-updates article.live-update');
  const labels = page.locator('.live-updates .live-update-meta > .live-update-ago');
  await expect(labels).toHaveCount(await entries.count());
  await expect(labels.first()).toHaveText(/^(\d+ (min\.|hr\.|days?) ago|now|yesterday)$/);
  // The absolute time stays, in its <time>.
  await expect(entries.first().locator('time')).toHaveAttribute('datetime', /Z$/);
  // Each label sits in its line's kept room: inside the line, over nothing else on it.
  const overlapping = () =>
    page.locator('.live-updates .live-update-meta').evaluateAll((metas) =>
      metas.flatMap((meta) => {
        const label = meta.querySelector('.live-update-ago')!.getBoundingClientRect();
        const line = meta.getBoundingClientRect();
        const inside = label.left >= line.left && label.right <= line.right + 0.5;
        const over = [...meta.children].some((child) => {
          if (child.classList.contains('live-update-ago')) return false;
          const box = child.getBoundingClientRect();
          return (
            box.right > label.left &&
            box.left < label.right &&
            box.bottom > label.top &&
            box.top < label.bottom
          );
        });
        return inside && !over ? [] : [meta.closest('article')?.id];
      }),
    );
  expect(await overlapping()).toEqual([]);
  const { real, next } = await feeds(page);
  await serve(page, real);
  const first = await labels.allTextContents();
  // 29 days on (the widest labels, "29 days ago"), every label has changed, written in room
  // kept for it: nothing has moved.
  await page.clock.runFor(29 * 24 * 60 * 60_000);
  await expect.poll(() => labels.allTextContents()).not.toEqual(first);
  expect(await shifts(page)).toBe(0);
  expect(await overlapping()).toEqual([]);
  // An entry the island inserts is labelled too.
  await page.unrouteAll();
  await serve(page, next);
  await page.clock.runFor(15_000);
  await expect(page.locator('#update-20261207t2359z .live-update-ago')).toHaveText(/ago|now/);
});

test('a pin moved while the page is open: the new pin first, the rest newest first, as a reload shows', async ({
  page,
}) => {
  await open(page);
  const { real } = await feeds(page);
  const unpin = (html: string) =>
    html.replace(' data-pinned=""', '').replace('<span class="live-update-flag">Pinned</span>', '');
  const pin = (html: string) =>
    html
      .replace('class="live-update"', 'class="live-update" data-pinned=""')
      .replace('</time>', '</time><span class="live-update-flag">Pinned</span>');
  const [was] = real.entries.filter((e) => e.pinned);
  const [now, ...rest] = real.entries.filter((e) => !e.pinned);
  expect(was && now, 'the sample story has a pinned entry and others').toBeTruthy();
  // The newest entry pinned, the old pin back among the others in its place in time; the feed
  // lists every entry of the page (since: null), as the endpoint does for a short story.
  const others = [...rest, { ...was!, pinned: undefined, html: unpin(was!.html), v: 'unpinned' }]
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))
    .map(({ pinned: _, ...e }) => e);
  const moved: Feed = {
    ...real,
    version: 'pin-moved',
    since: null,
    entries: [{ ...now!, pinned: true, html: pin(now!.html), v: 'pinned' }, ...others],
  };
  await serve(page, moved);
  await page.clock.runFor(15_000);
  await expect.poll(() => order(page)).toEqual([`${now!.id}*`, ...others.map((e) => e.id)]);
  await expect(page.locator('.live-updates .live-update-flag', { hasText: 'Pinned' })).toHaveCount(
    1,
  );
});

test('a key-event link lands on its entry on an older page, with and without JavaScript', async ({
  page,
  browser,
}) => {
  await page.goto(STORY);
  const older = page.locator('.key-events a[href*="/page/"]');
  // The e2e build pages live stories five entries at a time (test/run-all.sh), so the sample's
  // eleven span three pages and its oldest key events are on older pages.
  expect(await older.count(), 'a key event on an older page').toBeGreaterThan(0);
  const href = (await older.first().getAttribute('href'))!;
  const id = href.split('#')[1]!;
  await older.first().click();
  await expect(page).toHaveURL(new RegExp(`${STORY}/page/\\d+#${id}$`));
  const entry = page.locator(`#${id}`);
  await expect(entry).toBeInViewport();
  expect((await entry.boundingBox())!.y).toBeLessThan(200);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(STORY);
  await noScript.locator(`.key-events a[href="${href}"]`).click();
  await expect(noScript.locator(':target')).toHaveAttribute('id', id);
  await expect(noScript.locator(`#${id}`)).toBeInViewport();
  await context.close();
});
