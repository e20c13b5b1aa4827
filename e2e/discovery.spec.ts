import { expect, test } from './test';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { KIM } from './fixtures';

test('"You may also like" shows cards that lead to other articles', async ({ page }) => {
  await page.goto(KIM.url);
  const related = page.getByRole('region', { name: 'You may also like' });
  const links = related.getByRole('heading').getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(1);
  expect(await links.count()).toBeLessThanOrEqual(4);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).not.toContain(KIM.url);
  // The story about the same alliance is the first pick.
  expect(hrefs[0]).toBe('/world/north-korea-missile-factories-russia-demand');
  // It sits after the article and before the comments.
  const order = await page.evaluate(() =>
    ['article', '#related-heading', '#comments'].map(
      (s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1,
    ),
  );
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await links.first().click();
  await expect(page).toHaveURL(hrefs[0] ?? '');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(KIM.title);
});

test('section pages page through older stories, and past the last page is a 404', async ({
  page,
}) => {
  await page.goto('/world');
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages).toContainText('Page 1 of');
  const firstPage = await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();
  await pages.getByRole('link', { name: 'Older stories →' }).click();
  await expect(page).toHaveURL('/world/page/2');
  const secondPage = await page
    .getByRole('main')
    .getByRole('heading', { level: 2 })
    .allInnerTexts();
  expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: '← Newer stories' })
    .click();
  await expect(page).toHaveURL('/world');
  expect((await page.goto('/world/page/99'))?.status()).toBe(404);
  expect((await page.goto('/world/page/1'))?.status()).toBe(404);
});

test('topics lead to tag pages, and every topic is listed', async ({ page }) => {
  await page.goto(KIM.url);
  await page
    .getByRole('region', { name: 'Topics' })
    .getByRole('link', { name: 'north korea' })
    .click();
  await expect(page).toHaveURL('/tags/north-korea');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topic: north korea');
  await expect(page.getByRole('link', { name: KIM.title })).toBeVisible();
  await page.goto('/tags');
  await expect(page.getByRole('link', { name: /^north korea \(\d+\)$/ })).toHaveAttribute(
    'href',
    '/tags/north-korea',
  );
  expect((await page.goto('/tags/no-such-topic'))?.status()).toBe(404);
});

for (const javaScript of [true, false]) {
  test(`search finds stories despite a typo, highlights the words and filters by section (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto('/');
    const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' });
    await box.fill('pyongyang misile');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=pyongyang\+misile/);
    const results = page.getByRole('main').getByRole('listitem');
    await expect(page.getByRole('status')).toContainText('match “pyongyang misile”');
    await expect(results.first()).toContainText('North Korea');
    await expect(results.first().locator('mark').first()).toBeVisible();

    await page.getByLabel('Search for', { exact: true }).fill('energy prices');
    await page.getByLabel('Section', { exact: true }).selectOption({ label: 'Business' });
    await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/section=business/);
    const sections = await page
      .getByRole('main')
      .getByRole('listitem')
      .locator('p.text-accent')
      .allInnerTexts();
    expect(sections.length).toBeGreaterThan(0);
    expect(new Set(sections.map((s) => s.toLowerCase()))).toEqual(new Set(['business']));
    await context.close();
  });
}

test('feeds answer with their content types and parse', async ({ request }) => {
  const parser = new Parser();
  for (const [path, type] of [
    ['/feed.xml', 'application/rss+xml'],
    ['/atom.xml', 'application/atom+xml'],
    ['/world/feed.xml', 'application/rss+xml'],
  ] as const) {
    const response = await request.get(path);
    expect(response.headers()['content-type']).toContain(type);
    const feed = await parser.parseString(await response.text());
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.every((item) => item.link?.startsWith('http'))).toBe(true);
  }
  const world = await parser.parseString(await (await request.get('/world/feed.xml')).text());
  expect(world.items.every((item) => item.link?.includes('/world/'))).toBe(true);
  const json = await request.get('/feed.json');
  expect(json.headers()['content-type']).toContain('application/feed+json');
  const body = await json.json();
  expect(body.version).toBe('https://jsonfeed.org/version/1.1');
  expect(body.items[0]).toHaveProperty('date_published');
});

test('sitemaps and robots.txt list the site', async ({ request }) => {
  const xml = new XMLParser();
  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.headers()['content-type']).toContain('xml');
  const urls: { loc: string; lastmod?: string }[] = xml.parse(await sitemap.text()).urlset.url;
  const locs = urls.map((u) => new URL(u.loc).pathname);
  expect(locs).toEqual(
    expect.arrayContaining([KIM.url, '/world', '/tags/north-korea', '/authors/omar-el-sayed']),
  );
  expect(urls.find((u) => u.loc.endsWith(KIM.url))?.lastmod).toMatch(/^2026-01-03/);

  const news = await request.get('/news-sitemap.xml');
  expect(news.headers()['content-type']).toContain('xml');
  expect(xml.parse(await news.text()).urlset).toBeDefined();

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
  expect(robots).toMatch(/Sitemap: .*\/news-sitemap\.xml/);
});

test('article metadata: canonical, OpenGraph, Twitter, JSON-LD matching the breadcrumbs, OG image', async ({
  page,
  request,
}) => {
  await page.goto(KIM.url);
  await expect(page).toHaveTitle(`${KIM.title} — Masthead`);
  const meta = (selector: string) => page.locator(selector).first().getAttribute('content');
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(
    new RegExp(`${KIM.url}$`),
  );
  expect(await meta('meta[name="description"]')).toContain('New Year letter');
  expect(await meta('meta[property="og:type"]')).toBe('article');
  expect(await meta('meta[property="article:published_time"]')).toBe('2026-01-02T07:15:00.000Z');
  expect(await meta('meta[property="article:modified_time"]')).toBe('2026-01-03T10:00:00.000Z');
  expect(await meta('meta[property="article:section"]')).toBe('World');
  expect(await meta('meta[property="article:tag"]')).toBe('north-korea');
  expect(await meta('meta[property="article:author"]')).toMatch(/\/authors\/omar-el-sayed$/);
  expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');

  const graphs = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = graphs.map((g) => JSON.parse(g));
  const news = data.find((d) => d['@type'] === 'NewsArticle');
  expect(news).toMatchObject({
    headline: KIM.title,
    articleSection: 'World',
    datePublished: '2026-01-02T07:15:00.000Z',
  });
  expect(news.author[0]).toMatchObject({ '@type': 'Person', name: 'Omar El Sayed' });
  const crumbs = data.find((d) => d['@type'] === 'BreadcrumbList');
  const visible = await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link')
    .allInnerTexts();
  expect(crumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual(visible);

  const ogImage = (await meta('meta[property="og:image"]')) ?? '';
  const image = await request.get(new URL(ogImage).pathname + new URL(ogImage).search);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
});

test('the front page describes the site and its search to search engines', async ({ page }) => {
  await page.goto('/');
  const data = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (g) => JSON.parse(g),
  );
  expect(data.find((d) => d['@type'] === 'WebSite')?.potentialAction['@type']).toBe('SearchAction');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    'href',
    /\/feed\.xml$/,
  );
});

test('author pages list stories a page at a time', async ({ page }) => {
  await page.goto('/authors/lena-vogel');
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages).toContainText('Page 1 of');
  await pages.getByRole('link', { name: 'Older stories →' }).click();
  await expect(page).toHaveURL('/authors/lena-vogel/page/2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Stories by Lena Vogel/);
  expect(await page.getByRole('main').getByRole('heading', { level: 2 }).count()).toBeGreaterThan(
    0,
  );
});
