import { expect, test } from './test';
import { AUTHOR, KIM, STYLE_GUIDE } from './fixtures';

test('a reader goes from the front page to a section to an article', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'World' })
    .click();
  await expect(page).toHaveURL('/world');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('World');
  const first = page.getByRole('main').getByRole('listitem').first().getByRole('link');
  const headline = await first.innerText();
  await first.click();
  await expect(page).toHaveURL(/^.*\/world\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
});

test('the article page shows everything a news article needs', async ({ page }) => {
  await page.goto(KIM.url);
  const main = page.getByRole('main');

  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
  await expect(crumbs).toHaveText(['Home', KIM.section, KIM.title]);
  await expect(crumbs.last()).toHaveAttribute('aria-current', 'page');

  await expect(main.getByRole('heading', { level: 1 })).toHaveText(KIM.title);
  await expect(main.locator('.dek')).toContainText('New Year letter');

  await expect(main.locator('.byline')).toHaveText(`By ${AUTHOR.name}, ${AUTHOR.role}`);
  await expect(main.getByRole('link', { name: AUTHOR.name })).toHaveAttribute('href', AUTHOR.url);
  await expect(main.getByText(/^Published/).locator('time')).toHaveAttribute(
    'datetime',
    '2026-01-02T07:15:00.000Z',
  );
  await expect(main.getByText(/^Updated/).locator('time')).toHaveText('3 January 2026');
  await expect(main.getByText(/^\d+ min read$/)).toBeVisible();

  const hero = main.locator('figure').first();
  await expect(hero.getByRole('img')).toHaveAttribute('alt', /two national flags/);
  await expect(hero.locator('figcaption')).toContainText('Masthead / Illustration');

  const toc = page.getByRole('navigation', { name: 'In this article' });
  const tocLinks = toc.getByRole('link');
  expect(await tocLinks.count()).toBeGreaterThanOrEqual(3);
  for (const link of await tocLinks.all()) {
    const target = (await link.getAttribute('href')) ?? '';
    await expect(main.locator(`h2${target}`)).toHaveText(await link.innerText());
    // Each heading is its own anchor link, so a reader can share a section.
    await expect(main.locator(`h2${target} a[href="${target}"]`)).toBeVisible();
  }

  // A GFM table, scrollable on its own and reachable by keyboard.
  const table = main.getByRole('region', { name: /^Table: / }).first();
  await expect(table).toHaveAttribute('tabindex', '0');
  await expect(table.locator('th[scope="col"]').first()).toBeVisible();

  const timeline = main.getByRole('table', { name: /North Korea's role/i });
  await expect(timeline.locator('caption')).toBeVisible();
  await expect(timeline.locator('tbody th[scope="row"] time[datetime="2025-04"]')).toHaveText(
    'April 2025',
  );

  const facts = main.getByRole('table', { name: /at a glance/i });
  await expect(facts.getByRole('rowheader', { name: 'Countries' })).toBeVisible();
  await expect(facts.getByRole('cell', { name: 'North Korea and Russia' })).toBeVisible();

  await expect(page.getByRole('region', { name: 'Topics' }).getByRole('listitem')).toContainText([
    'north korea',
    'russia',
  ]);
});

test('the style guide shows every component editors can use', async ({ page }) => {
  await page.goto(STYLE_GUIDE);
  const body = page.locator('.article-body');
  await expect(body.getByRole('table', { name: /./ }).first()).toBeVisible();
  await expect(body.locator('table.timeline time[datetime]').first()).toBeVisible();
  await expect(body.locator('table.key-facts th[scope="row"]').first()).toBeVisible();
  for (const tone of ['Note', 'Warning', 'Analysis']) {
    await expect(body.getByRole('note', { name: new RegExp(`^${tone}`) }).first()).toBeVisible();
  }
  await expect(body.getByRole('region', { name: 'Key takeaways' })).toBeVisible();
  await expect(body.locator('figure.pull-quote blockquote')).toBeVisible();
  await expect(body.locator('figure.pull-quote figcaption')).not.toBeEmpty();
  const questions = body.getByRole('region', { name: 'What this means for readers' });
  await expect(questions.locator('dt').first()).toBeVisible();
  await expect(questions.locator('dd').first()).toBeVisible();
});

test('the byline leads to an author page listing their stories', async ({ page }) => {
  await page.goto(KIM.url);
  await page.getByRole('main').getByRole('link', { name: AUTHOR.name }).click();
  await expect(page).toHaveURL(AUTHOR.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(AUTHOR.name);
  await expect(page.getByText(AUTHOR.role, { exact: true })).toBeVisible();
  // The listing is paged (two a page in command B), so the story may be on a later page.
  const story = page.getByRole('link', { name: KIM.title });
  const older = page.getByRole('link', { name: 'Older stories →' });
  while (!(await story.isVisible()) && (await older.isVisible())) {
    await page.goto((await older.getAttribute('href')) ?? '');
  }
  await expect(story).toBeVisible();
});

test('a keyboard user can skip to the content', async ({ page }) => {
  await page.goto(KIM.url);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

for (const path of [
  '/no-such-section',
  '/world/no-such-story',
  // A real slug under the wrong section is not that article.
  '/politics/kim-new-year-message-putin-alliance',
  '/authors/nobody',
]) {
  test(`${path} is a 404 with a way back`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
    await expect(page.getByRole('link', { name: 'Front page' })).toHaveAttribute('href', '/');
    await expect(
      page.getByRole('region', { name: 'Latest stories' }).getByRole('link'),
    ).not.toHaveCount(0);
  });
}

test('a correction is shown on its article, dates the update, and is listed on /corrections', async ({
  page,
}) => {
  const url = '/business/ecb-holds-rates-energy-inflation';
  await page.goto(url);
  const box = page.getByRole('region', { name: 'Correction' });
  await expect(box).toContainText('The meeting is on June 4.');
  await expect(box.locator('time')).toHaveAttribute('datetime', '2026-05-02T09:00:00.000Z');
  await expect(page.getByText(/^Updated/).locator('time')).toHaveText('2 May 2026');
  const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (g) => JSON.parse(g),
  );
  expect(data.find((d) => d['@type'] === 'NewsArticle')?.dateModified).toBe(
    '2026-05-02T09:00:00.000Z',
  );

  await page.getByRole('contentinfo').getByRole('link', { name: 'Corrections' }).click();
  await expect(page).toHaveURL('/corrections');
  const entry = page.getByRole('listitem').filter({ hasText: 'The meeting is on June 4.' });
  await expect(entry.getByRole('link')).toHaveAttribute('href', url);
});
