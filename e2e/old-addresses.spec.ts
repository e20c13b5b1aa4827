import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyBuild, root } from '../test/support/build-copy.mjs';
import { startNext } from '../test/support/server.mjs';
import { KIM } from './fixtures';
import { freePort, hops } from './moved-site';
import { expect, test } from './test';

// A newsroom that moved here: test/fixtures/moved-newsroom/content (old addresses as a
// WordPress import writes them, pages in folders, a draft page) published with `npm run
// publish` into a copy of the build of its own, served by a server of its own, so the e2e run's
// server and its content stay as they were. Old addresses must answer 308 with the new one,
// never an address off the site, before anything is rendered (docs/decisions/023).

const FIXTURE = path.join(root, 'test', 'fixtures', 'moved-newsroom', 'content');
const TSX = path.join(root, 'node_modules', '.bin', 'tsx');

let base = '';
let stop: (() => Promise<void>) | undefined;
let removeCopy: (() => void) | undefined;

test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  const copy = copyBuild(`e2e-moved-${port}`);
  removeCopy = copy.remove;
  cpSync(FIXTURE, path.join(copy.dir, 'content'), { recursive: true });
  // The version the server starts on: the build's, with the moved newsroom's files published.
  execFileSync(TSX, [path.join(copy.dir, 'scripts', 'publish.ts'), '--no-notify'], {
    cwd: copy.dir,
    stdio: 'pipe',
  });
  ({ base, stop } = await startNext({
    port,
    cwd: copy.dir,
    env: { COMMENTS_DB: path.join(tmpdir(), `masthead-e2e-moved-${port}.sqlite`) },
  }));
});

test.afterAll(async () => {
  await stop?.();
  removeCopy?.();
});

test('an old permalink answers 308 with the article’s address, and a reader lands on the article', async ({
  page,
  request,
}) => {
  const response = await request.get(`${base}/2026/01/kim-new-year-message-putin-alliance`, {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(308);
  expect(new URL(response.headers()['location'] ?? '', base).toString()).toBe(`${base}${KIM.url}`);
  expect(response.headers()['cache-control']).toBe('public, max-age=300');

  // As WordPress wrote it, with the slash: every answer on the way a 308 on this site.
  const way = await hops(request, base, '/2026/01/kim-new-year-message-putin-alliance/');
  expect(way.at(-1)?.status).toBe(200);
  expect(way.slice(0, -1).map((hop) => hop.status)).toEqual(way.slice(0, -1).map(() => 308));
  expect(way.every((hop) => !hop.location || hop.location.origin === base)).toBe(true);
  expect(way.at(-2)?.location?.pathname).toBe(KIM.url);

  await page.goto(`${base}/2026/01/kim-new-year-message-putin-alliance`);
  await expect(page).toHaveURL(`${base}${KIM.url}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(KIM.title);
});

test('old addresses match however they are written: ?p=, ?page_id=, case, encoded letters', async ({
  request,
}) => {
  for (const [url, to] of [
    ['/?p=101', KIM.url],
    ['/?utm_source=newsletter&p=101', KIM.url],
    ['/?page_id=7', '/about/masthead'],
    ['/category/world', '/world'],
    ['/CATEGORY/World', '/world'],
    ['/feed', '/feed.xml'],
    // A Cyrillic slug, encoded as browsers write it: WordPress exported it in lower-case hex.
    ['/2026/01/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82', KIM.url],
    ['/2026/01/%D0%9F%D0%A0%D0%98%D0%92%D0%95%D0%A2', KIM.url],
  ] as const) {
    const response = await request.get(`${base}${url}`, { maxRedirects: 0 });
    expect(response.status(), url).toBe(308);
    expect(new URL(response.headers()['location'] ?? '', base).toString(), url).toBe(
      `${base}${to}`,
    );
  }
});

test('no request, however hostile, is sent off the site', async ({ request }) => {
  for (const url of [
    '//evil.example/',
    '//evil.example/%2F..',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%09/evil.example',
    '/2026/01/kim-new-year-message-putin-alliance%2F',
    '/2026/01//kim-new-year-message-putin-alliance',
    '/?p=101%0D%0ALocation:%20https://evil.example/',
  ]) {
    for (const hop of await hops(request, base, url)) {
      if (hop.location) expect(hop.location.origin, url).toBe(base);
    }
  }
});

test('pages in folders render at their addresses; a draft page is not found', async ({
  page,
  request,
}) => {
  await page.goto(`${base}/about/masthead`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who makes Masthead');
  await expect(page.getByRole('listitem').filter({ hasText: 'Omar El Sayed' })).toBeVisible();
  await page.goto(`${base}/about`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Masthead');
  // Three folders deep: rendered by app/nested-page/[...path], at its own address for the reader.
  await page.goto(`${base}/about/masthead/corrections-desk`);
  await expect(page).toHaveURL(`${base}/about/masthead/corrections-desk`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The corrections desk');
  expect((await request.get(`${base}/nested-page/about/masthead/corrections-desk`)).status()).toBe(
    404,
  );
  expect((await request.get(`${base}/about/masthead/nobody`)).status()).toBe(404);
  expect((await request.get(`${base}/_next/static/%ZZ/x`)).status()).toBe(404);

  const draft = await request.get(`${base}/about/plans`);
  expect(draft.status()).toBe(404);
  const sitemap = await (await request.get(`${base}/sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>`);
  expect(sitemap).toContain('/about/masthead</loc>');
  expect(sitemap).toContain('/about/masthead/corrections-desk</loc>');
  expect(sitemap).not.toContain('/about/plans');
});
