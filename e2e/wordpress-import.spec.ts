import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { copyBuild, root } from '../test/support/build-copy.mjs';
import { startNext } from '../test/support/server.mjs';
import { pictureFiles, writeNewsroomExport } from '../bench/wxr-newsroom';
import { uploadsFor } from '../test/support/wordpress-site';
import { axeViolations } from './axe';
import { freePort, hops } from './moved-site';
import { expect, test, type Page } from './test';

// WordPress's own Theme Unit Test export (test/fixtures/wordpress, written by the WordPress
// project, not by us) brought across with `npm run import:wordpress` into a copy of the build,
// passed by the content check, published without a rebuild and read as a reader reads it: old
// addresses, tables, captions, threads, what must stay private, valid HTML, accessibility.
//   npx playwright test e2e/wordpress-import.spec.ts
// With SCREENSHOTS=1 it also saves imported articles, phone and desktop, light and dark, in
// test-results/screenshots/ for people to look at.

const EXPORT = path.join(root, 'test', 'fixtures', 'wordpress', 'themeunittestdata.wordpress.xml');
const TSX = path.join(root, 'node_modules', '.bin', 'tsx');

/** Imported articles and pages, at the addresses the import gives them. */
const TABLES = '/classic/markup-html-tags-and-formatting';
const BLOCK_TABLES = '/6-1/text-category-blocks';
const PICTURES = '/classic/markup-image-alignment';
const THREADS = '/classic/template-comments';
const PAGE = '/about/page-markup-and-formatting';
const NESTED = '/level-1/level-2';
const THREE_DEEP = '/level-1/level-2/level-3';

let base = '';
let importReport = '';
let stop: (() => Promise<void>) | undefined;
let removeCopy: (() => void) | undefined;
let removeScratch: (() => void) | undefined;

// One import and one server for the whole file, in one worker. Each page's first visit renders
// it on a server just started, beside command B's other lanes: 90 s, not the default 30 s.
test.describe.configure({ mode: 'default', timeout: 90_000 });

test.beforeAll(async () => {
  // Copy, import (~10 s), content check and publish (each compiles ~80 articles, ~20 s alone),
  // then a cold server: minutes when command B's other lanes run beside it.
  test.setTimeout(420_000);
  const port = await freePort();
  const copy = copyBuild(`e2e-wordpress-${port}`);
  removeCopy = copy.remove;
  const scratch = mkdtempSync(path.join(tmpdir(), 'masthead-e2e-wordpress-'));
  removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  const uploads = path.join(scratch, 'uploads');
  uploadsFor(EXPORT, uploads);
  // The importer and the server share one SQLite file: DATABASE_URL emptied, so a PostgreSQL
  // the environment names is neither written to nor read.
  const database = path.join(scratch, 'comments.sqlite');
  const env = { ...process.env, COMMENTS_DB: database, DATABASE_URL: '' };
  const run = (argv: string[]) =>
    execFileSync(TSX, argv, { cwd: copy.dir, env, encoding: 'utf8', stdio: 'pipe' });
  run([path.join('scripts', 'import-wordpress.ts'), EXPORT, '--uploads', uploads]);
  importReport = readFileSync(path.join(copy.dir, 'import-report.md'), 'utf8');
  // The Theme Unit Test's pictures were on WordPress.com's own servers; a self-hosted site's
  // are under its /wp-content/uploads/, addresses this site must answer once it has moved.
  // A second site, then, shaped as bench/import.ts's newsroom, eight posts of it.
  const selfHosted = path.join(scratch, 'self-hosted.xml');
  await writeNewsroomExport(selfHosted, { posts: 8, commentsPerPost: 1, pages: 0 });
  const selfUploads = path.join(scratch, 'self-hosted-uploads');
  uploadsFor(selfHosted, selfUploads);
  run([path.join('scripts', 'import-wordpress.ts'), selfHosted, '--uploads', selfUploads]);
  // `npm run check:content`: exit 1, with every problem on stderr, when it refuses the import.
  try {
    run([path.join('scripts', 'content.ts'), '--check']);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`the content check refused the imported site:\n${stderr}`);
  }
  run([path.join('scripts', 'publish.ts'), '--no-notify']);
  ({ base, stop } = await startNext({
    port,
    cwd: copy.dir,
    env: { COMMENTS_DB: database, DATABASE_URL: '' },
  }));
});

test.afterAll(async () => {
  await stop?.();
  removeCopy?.();
  removeScratch?.();
});

/** The row of the import report's counts table for `what`. */
const counted = (what: string) =>
  new RegExp(`^\\| ${what} \\| (\\d+) \\|$`, 'm').exec(importReport)?.[1];

test('the Theme Unit Test export comes across whole, and the content check accepts it', () => {
  // Counted from the export: 56 published posts, a scheduled one, a draft and a password-
  // protected one (58 written, 3 not live), 21 pages, 24 approved comments of posts and one
  // pending (pingbacks counted, page comments reported), 35 pictures.
  expect(importReport).toContain('The import is complete.');
  expect(counted('articles written')).toBe('58');
  expect(counted('articles live')).toBe('55');
  expect(counted('pages written')).toBe('21');
  expect(counted('comments published')).toBe('23');
  expect(counted('comments held for moderation')).toBe('1');
  expect(counted('pictures written')).toBe('35');
});

test('old addresses answer 308, on this site, with where the story, page or list is now', async ({
  request,
}) => {
  for (const [old, now] of [
    // A post's permalink as the export gives it, and WordPress's plain links.
    ['/2012/01/03/template-comments/', THREADS],
    ['/2012/01/03/template-comments', THREADS],
    ['/?p=1148', THREADS],
    ['/?page_id=1134', PAGE],
    ['/?page_id=173', NESTED],
    // A page's own path, nested, and one WordPress wrote percent-encoded in Greek.
    ['/about/page-markup-and-formatting/', PAGE],
    ['/level-1/level-2/', NESTED],
    ['/greek/%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2/', '/greek/epipedo-2'],
    ['/category/classic/', '/classic'],
    ['/category/classic/feed/', '/classic/feed.xml'],
    ['/tag/8bit/', '/tags/8bit'],
    ['/author/themedemos/', '/authors/themedemos'],
    ['/feed/', '/feed.xml'],
    // A picture's own page (WordPress's attachment page) leads to the story it was in.
    [
      '/2010/07/02/post-format-audio/originaldixielandjazzbandwithalbernard-stlouisblues/',
      '/classic/post-format-audio',
    ],
    ['/?attachment_id=1045', '/classic/post-format-image'],
  ] as const) {
    const way = await hops(request, base, old);
    expect(way.length, old).toBeGreaterThan(1);
    expect(
      way.slice(0, -1).map((hop) => hop.status),
      old,
    ).toEqual(way.slice(0, -1).map(() => 308));
    expect(
      way.every((hop) => !hop.location || hop.location.origin === base),
      old,
    ).toBe(true);
    expect(way.at(-2)?.location?.pathname, old).toBe(now);
    expect(way.at(-1)?.status, old).toBe(200);
  }
});

test('a self-hosted site’s /wp-content/uploads/ addresses lead to its pictures, served from here', async ({
  request,
}) => {
  // Post 5 of the newsroom export is published; post 4 is scheduled, its pictures imported too.
  for (const file of [...pictureFiles(5), ...pictureFiles(4)]) {
    const old = `/wp-content/uploads/${file}`;
    const way = await hops(request, base, old);
    expect(way.length, old).toBeGreaterThan(1);
    expect(
      way.slice(0, -1).every((hop) => hop.status === 308 && hop.location?.origin === base),
      old,
    ).toBe(true);
    expect(way.at(-2)?.location?.pathname, old).toMatch(/^\/images\/.+\.jpg$/);
    expect(way.at(-1)?.status, old).toBe(200);
    const picture = await request.get(`${base}${way.at(-2)?.location?.pathname ?? ''}`);
    expect(picture.headers()['content-type'], old).toBe('image/jpeg');
  }
  // An address of the uploads folder that was never a picture of the site is not made up.
  expect((await request.get(`${base}/wp-content/uploads/2014/01/never.jpg`)).status()).toBe(404);
});

test('a table and its header row survive; a block table without one gets its first row as header', async ({
  page,
}) => {
  await page.goto(`${base}${TABLES}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Markup: HTML Tags and Formatting',
  );
  const salaries = page.getByRole('table').filter({ hasText: 'Employee' });
  // WordPress's third header cell is empty: an ordinary cell, not a header naming nothing.
  await expect(salaries.getByRole('columnheader')).toHaveText(['Employee', 'Salary']);
  await expect(salaries.getByRole('row')).toHaveCount(5);
  await expect(salaries.getByRole('row').nth(2).getByRole('cell')).toHaveText([
    'Jane Doe',
    '$100K',
    'For all the blogging she does.',
  ]);
  // The link in a cell is still a link.
  await expect(salaries.getByRole('link', { name: 'Fred Bloggs' })).toHaveAttribute(
    'href',
    'http://example.org/',
  );

  await page.goto(`${base}${BLOCK_TABLES}`);
  const plain = page.getByRole('table').filter({ hasText: 'table cell three' }).first();
  await expect(plain.getByRole('columnheader')).toHaveText(['table cell', 'table cell two']);
  await expect(plain.getByRole('cell')).toHaveText(['table cell three', 'table cell four']);
});

test('pictures keep their captions and are served from this site', async ({ page }) => {
  await page.goto(`${base}${PICTURES}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Markup: Image Alignment');
  const captioned = page.getByRole('figure').filter({ hasText: 'getting some caption love' });
  await expect(captioned.locator('figcaption')).toHaveText(
    'Look at 580x300 getting some caption love.',
  );
  // The caption's own link ([caption] text may hold one) is kept.
  await expect(captioned.getByRole('link', { name: 'caption' })).toBeVisible();
  await expect(page.locator('figcaption')).toHaveText([
    'Look at 580x300 getting some caption love.',
    'Bigger caption than the image usually is.',
    'Comment for massive image for your eyeballs.',
    'This massive image is centered.',
    'Feels good to be right all the time.',
  ]);
  const picture = captioned.locator('img');
  await picture.scrollIntoViewIfNeeded();
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  const src = new URL((await picture.evaluate((img: HTMLImageElement) => img.currentSrc)) ?? '');
  expect(src.origin).toBe(base);
});

/** Each thread of a comment section: its first line, and its replies' first lines. */
async function threadsOf(page: Page) {
  return page.locator('#comments').evaluate((section) => {
    const firstLine = (article: Element | null) => {
      const body = article?.querySelector(':scope > header + div');
      return (body instanceof HTMLElement ? body.innerText : '').trim().split('\n')[0] ?? '';
    };
    const list = section.querySelector('ol');
    return [...(list?.children ?? [])].map((item) => {
      const article = item.querySelector(':scope > article');
      const replies = article?.querySelectorAll(':scope > ol > li > article') ?? [];
      return [firstLine(article), [...replies].map(firstLine)] as const;
    });
  });
}

test('threaded comments keep their order; the pending one is not shown', async ({ page }) => {
  await page.goto(`${base}${THREADS}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Template: Comments');
  // As the export has them: threads by date; "Comment Depth 01" answered ten deep, which the
  // store keeps one level deep, in the order they were written.
  const depth = (n: number) => `Comment Depth ${String(n).padStart(2, '0')}`;
  const expected: [string, string[]][] = [
    ['Headings', []],
    ['This user it trying to be anonymous.', []],
    ['Comments? I love comments!', []],
    ['These tests are amazing!', []],
    ['Author Comment.', []],
    [depth(1), [2, 3, 4, 5, 6, 7, 8, 9, 10].map(depth)],
    ['Image comment.', []],
    ['We are totally going to blog about these tests', []],
    ['We use these tests all the time! Killer stuff!', []],
    ['Thanks for all the comments, everyone!', []],
  ];
  const seen = await threadsOf(page);
  // Each line compared as far as the expected words go: the rest of a comment is its own.
  expect(
    seen.map(([line, replies], i) => [
      line.slice(0, expected[i]?.[0].length),
      replies.map((reply) => reply.slice(0, depth(1).length)),
    ]),
  ).toEqual(expected);
  // WordPress held "this is test comment / Feeling testy?" for moderation: it stays held.
  await expect(page.locator('#comments')).not.toContainText('Feeling testy?');
});

test('drafts, password-protected and scheduled posts are not found, and not listed', async ({
  request,
}) => {
  for (const url of [
    '/classic/draft',
    '/classic/template-password-protected',
    '/unpublished/scheduled',
  ]) {
    expect((await request.get(`${base}${url}`)).status(), url).toBe(404);
  }
  // Their old addresses (the draft's plain link, the protected post's permalink) have no
  // redirect: they lead to the front page and to a page not found, never to the post.
  for (const [url, status] of [
    ['/?p=1164', 200],
    ['/2012/01/04/template-password-protected/', 404],
  ] as const) {
    const way = await hops(request, base, url);
    expect(way.at(-1)?.status, url).toBe(status);
    expect(
      way.filter((hop) => hop.location?.pathname.startsWith('/classic/')),
      url,
    ).toEqual([]);
  }
  const sitemap = await (await request.get(`${base}/sitemap.xml`)).text();
  expect(sitemap).toContain(`${THREADS}</loc>`);
  for (const hidden of ['/classic/draft<', 'password-protected', 'scheduled']) {
    expect(sitemap).not.toContain(hidden);
  }
  const feed = await (await request.get(`${base}/feed.xml`)).text();
  expect(feed).not.toContain('Password Protected');
});

test('imported pages render at their addresses, nested ones too', async ({ page }) => {
  for (const [url, title] of [
    [PAGE, 'Page Markup And Formatting'],
    [NESTED, 'Level 2'],
    [THREE_DEEP, 'Level 3'],
    ['/greek/epipedo-2', 'Επίπεδο 2 -Second Greek level'],
  ] as const) {
    const response = await page.goto(`${base}${url}`);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }), url).toHaveText(title);
  }
});

/**
 * html-validate's standards rules on whole pages as served. Its style rules (how React writes
 * `<br/>` and `dateTime`) are not about validity; SRI is asked only of other origins' files,
 * as this site loads none.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:document'],
  rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
});

test('html-validate finds no errors on imported articles and pages', async ({ request }) => {
  test.setTimeout(120_000);
  for (const url of [TABLES, BLOCK_TABLES, PICTURES, THREADS, PAGE, NESTED, '/greek/epipedo-2']) {
    const response = await request.get(`${base}${url}`);
    expect(response.status(), url).toBe(200);
    const report = await validator.validateString(await response.text());
    const errors = report.results.flatMap((result) =>
      result.messages.map(
        (m) => `${m.ruleId} at ${m.line}:${m.column} ${m.selector ?? ''}: ${m.message}`,
      ),
    );
    expect(errors, url).toEqual([]);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on an imported article (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${base}${TABLES}`);
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
    expect(await axeViolations(page)).toEqual([]);
  });
}

test.describe('screenshots', () => {
  test.skip(process.env.SCREENSHOTS !== '1', 'for people to look at: SCREENSHOTS=1');
  const WIDTHS = { phone: 390, desktop: 1280 };
  const ARTICLES = { table: TABLES, pictures: PICTURES, comments: THREADS };
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [device, width] of Object.entries(WIDTHS)) {
      test(`imported articles at ${width}px (${colorScheme})`, async ({ browser }) => {
        test.setTimeout(120_000);
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        for (const [name, url] of Object.entries(ARTICLES)) {
          await page.goto(`${base}${url}`, { waitUntil: 'networkidle' });
          await page.screenshot({
            path: `test-results/screenshots/wordpress-${name}-${device}-${colorScheme}.png`,
            fullPage: true,
          });
        }
        await page.close();
      });
    }
  }
});
