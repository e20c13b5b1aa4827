import SQLite from 'better-sqlite3';
import { expect, test } from './test';
import { E2E_DB } from '../playwright.config';
import {
  approveAs,
  expectOutcome,
  fillComment,
  newReader,
  postComment,
  signInAsAdmin,
  unique,
} from './comment-helpers';

/** An article no other spec comments on, so what is planted here is all it shows. */
const ARTICLE = {
  slug: 'mekong-drought-rice-farmers-fishers',
  url: '/world/mekong-drought-rice-farmers-fishers',
};

type Row = { author_name?: string; author_url?: string | null; body?: string; created_at?: string };

/** Each class of row the form would refuse today, but a database may hold: older rows, hand edits. */
const HOSTILE: [string, Row][] = [
  ['a link the URL parser rejects', { body: 'see http://999.1.1.1 now' }],
  ['a malformed punycode host', { body: 'visit http://xn--a.com today' }],
  ['markup and script', { body: '<script>alert(1)</script><img src=x onerror=alert(1)>' }],
  ['NUL and escape sequences', { author_name: 'Esc\u001b[31m', body: 'nul\u0000 esc\u001b[2J' }],
  ['bidi overrides', { author_name: '\u202Eevil', body: 'file\u202Efdp.exe' }],
  ['a javascript: website', { author_url: 'javascript:alert(1)' }],
  ['a website the URL parser rejects', { author_url: 'http://999.1.1.1' }],
  ['a date that is not a date', { created_at: 'not-a-date' }],
  ['a lone surrogate', { body: 'broken \uD800 pair' }],
  ['an empty name', { author_name: '' }],
  ['a huge body', { body: `huge ${'x'.repeat(100_000)}` }],
];

function plant(marker: string, status: 'approved' | 'pending'): number[] {
  const db = new SQLite(E2E_DB);
  try {
    const insert = db.prepare(
      `insert into comments (article_slug, parent_id, author_name, author_email, author_url, body,
         status, held_reason, ip_hash, created_at)
       values (@article_slug, null, @author_name, 'planted@example.com', @author_url, @body,
         @status, null, 'planted', @created_at)`,
    );
    return HOSTILE.map(([, row], i) =>
      Number(
        insert.run({
          article_slug: ARTICLE.slug,
          author_name: row.author_name ?? `Planted ${i} ${marker}`,
          author_url: row.author_url ?? null,
          body: `${row.body ?? 'an ordinary body'} ${marker}`,
          status,
          created_at: row.created_at ?? new Date().toISOString(),
        }).lastInsertRowid,
      ),
    );
  } finally {
    db.close();
  }
}

test('comments no form would accept, stored straight in the database, take no page down', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const marker = unique();
  const approved = plant(marker, 'approved');
  plant(marker, 'pending');

  const { context, page } = await newReader(browser);
  await signInAsAdmin(page);
  for (const status of ['pending', 'approved']) {
    const response = await page.goto(`/admin/comments?status=${status}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('main')).toContainText(`see http://999.1.1.1 now ${marker}`);
  }

  // Approving one comment refreshes the article's cached page, which then renders them all.
  const poster = await newReader(browser);
  await poster.page.goto(ARTICLE.url);
  await postComment(poster.page, {
    name: `Trigger ${marker}`,
    email: `trigger-${marker}@example.com`,
    comment: `Refresh the page ${marker}`,
  });
  await expectOutcome(poster.page, 'held');
  await approveAs(page, `Trigger ${marker}`);

  await expect(async () => {
    const response = await request.get(ARTICLE.url);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(`Refresh the page ${marker}`);
  }).toPass({ timeout: 20_000 });
  const reader = await newReader(browser);
  expect((await reader.page.goto(ARTICLE.url))?.status()).toBe(200);
  const comments = reader.page.locator('#comments');
  await expect(comments).toContainText(`see http://999.1.1.1 now ${marker}`);
  await expect(comments.getByRole('link', { name: 'http://999.1.1.1' })).toHaveCount(0);
  await expect(comments.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(comments.locator('script, img[onerror]')).toHaveCount(0);

  for (const id of approved) {
    const response = await request.get(`/comments/${id}/reply`);
    expect(response.status(), `reply page of planted comment ${id}`).toBe(200);
  }
  for (const r of [poster, reader]) await r.context.close();
  await context.close();
  unplant();
});

/** Other specs moderate the same queue; planted rows must not stay in their way. */
function unplant() {
  const db = new SQLite(E2E_DB);
  db.prepare(`delete from comments where ip_hash = 'planted'`).run();
  db.close();
}

/** Makes the database refuse one reader's comment, as a full disk or a broken replica would. */
function failInsertsOf(marker: string) {
  const db = new SQLite(E2E_DB);
  db.exec(`create trigger fail_${marker} before insert on comments
    when new.body like '%${marker}%' begin select raise(abort, 'disk I/O error'); end`);
  db.close();
  return () => {
    const again = new SQLite(E2E_DB);
    again.exec(`drop trigger fail_${marker}`);
    again.close();
  };
}

for (const javaScript of [true, false]) {
  test(`a save that fails keeps everything the reader typed and says so (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
    browser,
  }) => {
    const marker = unique();
    const restore = failInsertsOf(marker);
    const { context, page } = await newReader(browser, { javaScript });
    try {
      await page.goto(ARTICLE.url);
      const text = `A long comment I would hate to lose ${marker}.\n\nSecond paragraph.`;
      await postComment(page, {
        name: `Unlucky ${marker}`,
        email: `unlucky-${marker}@example.com`,
        website: 'https://unlucky.example/',
        comment: text,
      });
      const form = page.locator('form.comment-form');
      await expect(form.getByRole('alert')).toHaveText(
        'We could not save your comment just now. Everything you wrote is still here: please try again in a minute.',
      );
      await expect(form.getByLabel('Comment', { exact: true })).toHaveValue(text);
      await expect(form.getByLabel('Name', { exact: true })).toHaveValue(`Unlucky ${marker}`);
      await expect(form.getByLabel('Email', { exact: true })).toHaveValue(
        `unlucky-${marker}@example.com`,
      );
      await expect(form.getByLabel('Website', { exact: true })).toHaveValue(
        'https://unlucky.example/',
      );

      // The database recovers; posting the same form again works, with nothing retyped.
      restore();
      await page.waitForTimeout(3_200);
      await page.getByRole('button', { name: 'Post comment' }).click();
      await expectOutcome(page, 'held');
    } finally {
      await context.close();
    }
  });
}

test('a returning commenter is known by their browser, not by their email', async ({ browser }) => {
  test.setTimeout(90_000);
  const id = unique();
  const email = `known-${id}@example.com`;
  const first = await newReader(browser);
  await first.page.goto(ARTICLE.url);
  await postComment(first.page, { name: `Known ${id}`, email, comment: `First words ${id}` });
  await expectOutcome(first.page, 'held');
  const moderator = await newReader(browser);
  await approveAs(moderator.page, `Known ${id}`);

  // The same browser: published at once.
  await first.page.goto(ARTICLE.url);
  await postComment(first.page, { name: `Known ${id}`, email, comment: `Second words ${id}` });
  await expectOutcome(first.page, 'published');

  // Somebody else who knows the address: held like any new commenter.
  const impostor = await newReader(browser);
  await impostor.page.goto(ARTICLE.url);
  await postComment(impostor.page, { name: `Known ${id}`, email, comment: `Fake words ${id}` });
  await expectOutcome(impostor.page, 'held');
  for (const r of [first, moderator, impostor]) await r.context.close();
});

test('a comment post far larger than any comment is refused without an error page', async ({
  request,
}) => {
  const page = await request.get(ARTICLE.url);
  const html = await page.text();
  const action = /<form[^>]*comment-form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(action).toBe(`${ARTICLE.url}/comment`);
  const response = await request.post(action, {
    multipart: { comment: 'x'.repeat(2_000_000), name: 'Big', email: 'big@example.com' },
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
});

test('an invisible-only comment is refused beside its field, with what was typed kept', async ({
  browser,
}) => {
  const { context, page } = await newReader(browser);
  await page.goto(ARTICLE.url);
  await fillComment(page, {
    name: 'Ghost',
    email: 'ghost@example.com',
    comment: '\u200B\u200B\u2060',
  });
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByLabel('Comment', { exact: true })).toHaveAccessibleDescription(
    'Write a comment of at least two characters.',
  );
  await context.close();
});
