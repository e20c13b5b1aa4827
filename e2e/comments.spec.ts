import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './test';
import {
  approveAs,
  expectOutcome,
  fillComment,
  newReader,
  postComment,
  unique,
} from './comment-helpers';
import { KIM, STYLE_GUIDE } from './fixtures';

const ARTICLE = STYLE_GUIDE;

test('with JavaScript, a first comment shows progress, then waits for moderation, seen only by its poster', async ({
  browser,
}) => {
  const id = unique();
  const { context, page } = await newReader(browser);
  await page.goto(ARTICLE);
  // Hold the post for a moment so the in-flight state can be seen.
  await page.route(ARTICLE, async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await route.continue();
  });
  await fillComment(page, {
    name: `Reader ${id}`,
    email: `reader-${id}@example.com`,
    comment: `First thoughts ${id}`,
  });
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: 'Post comment' }).click();
  const posting = page.getByRole('button', { name: 'Posting…' });
  await expect(posting).toBeDisabled();

  await expect(page.getByRole('status')).toHaveText(
    'Thank you. Your comment is awaiting moderation.',
  );
  const held = page.locator('form.comment-form').getByText(`First thoughts ${id}`);
  await expect(held).toBeVisible();
  await expect(
    page.getByText('Your comment is awaiting moderation.', { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Post comment' })).toBeEnabled();
  await context.close();

  const other = await newReader(browser);
  await other.page.goto(ARTICLE);
  await expect(other.page.locator('#comments')).not.toContainText(id);
  await other.context.close();
});

test('without JavaScript, a post is answered by the article, which says what happened', async ({
  browser,
}) => {
  const id = unique();
  const { context, page } = await newReader(browser, { javaScript: false });
  await page.goto(KIM.url);
  await postComment(page, {
    name: `Offline ${id}`,
    email: `offline-${id}@example.com`,
    comment: `No scripts here ${id}`,
  });
  // 303 to the cached article, not a render of it; the fragment shows the notice.
  await expect(page).toHaveURL(`${KIM.url}#comment-held`);
  await expectOutcome(page, 'held');
  await expect(page.locator('#comments')).not.toContainText(`No scripts here ${id}`);
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('');
  // Reloading the article without the fragment shows no notice.
  await page.goto(KIM.url);
  await expect(page.getByText('Thank you. Your comment is awaiting moderation.')).toBeHidden();
  await context.close();
});

for (const javaScript of [true, false]) {
  test(`field errors sit by their fields and keep what was typed (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
    browser,
  }) => {
    const id = unique();
    const { context, page } = await newReader(browser, { javaScript });
    await page.goto(ARTICLE);
    const text = `A long and careful comment ${id}.\n\nWith a second paragraph.`;
    await postComment(page, {
      name: '',
      email: 'not-an-email',
      website: 'javascript:alert(1)',
      comment: text,
    });

    const form = page.locator('form.comment-form');
    await expect(form.getByRole('alert')).toHaveText(
      'Please correct the highlighted fields; your comment is still here.',
    );
    for (const [label, message] of [
      ['Name', 'Enter your name.'],
      ['Email', 'Enter a valid email address, like name@example.com.'],
      ['Website', 'Enter a web address starting with http:// or https://.'],
    ] as const) {
      const field = form.getByLabel(label, { exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(message);
    }
    await expect(form.getByLabel('Comment', { exact: true })).toHaveValue(text);
    await expect(form.getByLabel('Email', { exact: true })).toHaveValue('not-an-email');
    await expect(form.getByLabel('Website', { exact: true })).toHaveValue('javascript:alert(1)');
    await expect(form.getByLabel('Comment', { exact: true })).not.toHaveAttribute('aria-invalid');

    if (javaScript) {
      const results = await new AxeBuilder({ page }).include('#comments').analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    }
    await context.close();
  });
}

test('a filled honeypot is refused', async ({ browser }) => {
  const id = unique();
  const { context, page } = await newReader(browser, { javaScript: false });
  await page.goto(ARTICLE);
  await page.locator('#comment-address').fill('http://bot.example', { force: true });
  await postComment(page, {
    name: `Bot ${id}`,
    email: `bot-${id}@example.com`,
    comment: `Buy things ${id}`,
  });
  await expect(page.getByText('Your comment could not be posted.')).toBeVisible();
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue(`Buy things ${id}`);
  await context.close();
});

test('a post within three seconds of the form being rendered is refused', async ({ browser }) => {
  const id = unique();
  const { context, page } = await newReader(browser, { javaScript: false });
  await page.goto(ARTICLE);
  // A post with a mistake comes back as a freshly rendered form…
  await postComment(page, {
    name: `Quick ${id}`,
    email: 'quick-at-example',
    comment: `Speedy ${id}`,
  });
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  // …and fixing it and posting again at machine speed is refused.
  await page.getByLabel('Email', { exact: true }).fill(`quick-${id}@example.com`);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(
    page.getByText('That was quick! Please take a few seconds before posting.'),
  ).toBeVisible();
  await expect(page.getByLabel('Comment', { exact: true })).toHaveValue(`Speedy ${id}`);
  await context.close();
});

test('an approved comment appears on the article with its count, linked name, and no email anywhere', async ({
  browser,
  request,
}) => {
  const id = unique();
  const name = `Approved ${id}`;
  const email = `approved-${id}@example.com`;
  const poster = await newReader(browser, { javaScript: false });
  await poster.page.goto(KIM.url);
  await postComment(poster.page, {
    name,
    email,
    website: `https://${id}.example/`,
    comment: `Worth reading ${id}`,
  });
  await expect(
    poster.page.getByText('Thank you. Your comment is awaiting moderation.'),
  ).toBeVisible();

  const moderator = await newReader(browser);
  await approveAs(moderator.page, name);

  const reader = await newReader(browser);
  await reader.page.goto(KIM.url);
  const comment = reader.page.getByRole('article', { name: `Comment by ${name}` });
  await expect(comment).toContainText(`Worth reading ${id}`);
  const link = comment.getByRole('link', { name, exact: true });
  await expect(link).toHaveAttribute('href', `https://${id}.example/`);
  await expect(link).toHaveAttribute('rel', 'nofollow ugc noopener');
  await expect(comment.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  const count = reader.page.getByRole('link', { name: /^\d+ comments?$/ });
  await expect(count).toHaveAttribute('href', '#comments');

  const html = await (await request.get(KIM.url)).text();
  expect(html).toContain(`Worth reading ${id}`);
  expect(html).not.toContain(email);
  expect(html).not.toMatch(/[\w.+-]+@example\.com/);
  for (const r of [poster, moderator, reader]) await r.context.close();
});

test('replies attach under the comment, and a reply to a reply joins the same thread', async ({
  browser,
}) => {
  // Five posts, each waiting out the form's minimum time, and two moderations.
  test.setTimeout(90_000);
  const id = unique();
  const name = `Thread ${id}`;
  const email = `thread-${id}@example.com`;
  const poster = await newReader(browser);
  await poster.page.goto(ARTICLE);
  await postComment(poster.page, { name, email, comment: `Opening point ${id}` });
  await expect(
    poster.page.getByText('Your comment is awaiting moderation.', { exact: true }),
  ).toBeVisible();
  const moderator = await newReader(browser);
  await approveAs(moderator.page, name);

  // With JavaScript: "Reply" addresses the form on the page. The same commenter, now approved,
  // is published straight away.
  await poster.page.goto(ARTICLE);
  const top = poster.page.getByRole('article', { name: `Comment by ${name}` });
  await top
    .getByRole('link', { name: `Reply to ${name}` })
    .first()
    .click();
  await expect(poster.page.getByText(`Replying to ${name}.`)).toBeVisible();
  await expect(poster.page.getByLabel('Comment', { exact: true })).toBeFocused();
  await postComment(poster.page, { name, email, comment: `A reply ${id}` });
  await expect(poster.page.getByRole('status')).toHaveText('Thank you. Your comment is published.');

  await poster.page.goto(ARTICLE);
  const thread = poster.page
    .locator('#comments > ol > li')
    .filter({ hasText: `Opening point ${id}` });
  // The reply sits in the thread's nested list, under the comment it answers.
  const reply = thread.locator('ol article').filter({ hasText: `A reply ${id}` });
  await expect(reply).toBeVisible();

  // Without JavaScript: "Reply" on the reply leads to a reply page; the answer joins the thread.
  // Another browser: knowing the email is not enough, so it waits for a moderator…
  const offline = await newReader(browser, { javaScript: false });
  await offline.page.goto(ARTICLE);
  const offlineThread = offline.page
    .locator('#comments > ol > li')
    .filter({ hasText: `Opening point ${id}` });
  await offlineThread
    .locator('ol article')
    .filter({ hasText: `A reply ${id}` })
    .getByRole('link', { name: `Reply to ${name}` })
    .click();
  await expect(offline.page).toHaveURL(/\/comments\/\d+\/reply$/);
  await expect(offline.page.getByRole('heading', { level: 1 })).toHaveText(`Reply to ${name}`);
  await postComment(offline.page, { name, email, comment: `Reply to the reply ${id}` });
  await expect(offline.page).toHaveURL(`${ARTICLE}#comment-held`);
  await expectOutcome(offline.page, 'held');
  await approveAs(moderator.page, name);

  await offline.page.goto(ARTICLE);
  await expect(
    offline.page.locator('#comments > ol > li').filter({ hasText: `Opening point ${id}` }),
  ).toContainText(`Reply to the reply ${id}`);

  // …and once approved, that browser too is known: its next comment is published at once.
  await postComment(offline.page, { name, email, comment: `Straight through ${id}` });
  await expect(offline.page).toHaveURL(`${ARTICLE}#comment-published`);
  await expectOutcome(offline.page, 'published');
  await expect(offline.page.locator('#comments')).toContainText(`Straight through ${id}`);
  for (const r of [poster, moderator, offline]) await r.context.close();
});
