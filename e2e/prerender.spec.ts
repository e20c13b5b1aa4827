import { expect, test } from './test';
import { readFileSync } from 'node:fs';

type Index = { articles: { url: string; date: string; draft: boolean }[] };

const index = JSON.parse(readFileSync('.masthead/content/current/index.json', 'utf8')) as Index;
const manifest = JSON.parse(readFileSync('.next/prerender-manifest.json', 'utf8')) as {
  routes: Record<string, unknown>;
};
const published = index.articles
  .filter((a) => !a.draft && Date.parse(a.date) <= Date.now())
  .sort((a, b) => b.date.localeCompare(a.date));
const limit = Number(process.env.MASTHEAD_PRERENDER_ARTICLES ?? 300);

test('the build prerenders the newest articles and leaves the rest to the first request', () => {
  const prerendered = published.filter((a) => a.url in manifest.routes).map((a) => a.url);
  expect(prerendered).toEqual(published.slice(0, limit).map((a) => a.url));
});

test('an article left out of the build renders on request, then comes from the cache', async ({
  request,
}) => {
  // Command B builds with fewer prerendered articles than it has, so this is never empty there.
  const archived = published.slice(limit);
  test.skip(archived.length === 0, 'every article was prerendered in this build');
  const url = archived.at(-1)!.url;
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain('<h1');
  const second = await request.get(url);
  expect(second.status()).toBe(200);
  expect(second.headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
});

test('listing pages beyond those prerendered render on request; odd page numbers are a 404', async ({
  request,
}) => {
  const world = published.filter((a) => a.url.startsWith('/world/')).length;
  const pageSize = Number(process.env.MASTHEAD_PAGE_SIZE ?? 20);
  const last = Math.max(1, Math.ceil(world / pageSize));
  if (last > 1) expect((await request.get(`/world/page/${last}`)).status()).toBe(200);
  expect((await request.get(`/world/page/${last + 1}`)).status()).toBe(404);
  expect((await request.get('/world/page/02')).status()).toBe(404);
  expect((await request.get('/tags/no-such-topic-here')).status()).toBe(404);
});
