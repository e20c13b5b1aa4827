import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectOutcome, newReader, postComment, signInAsAdmin, unique } from './comment-helpers';
import { STYLE_GUIDE } from './fixtures';

test('the moderation page needs the password', async ({ browser }) => {
  const { context, page } = await newReader(browser);
  await page.goto('/admin/comments');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(
    'That password is not right.',
  );
  await expect(page.getByRole('navigation', { name: 'Comment status' })).toHaveCount(0);
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'masthead_admin')).toBeUndefined();

  await signInAsAdmin(page);
  const session = (await context.cookies()).find((c) => c.name === 'masthead_admin');
  expect(session?.httpOnly).toBe(true);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await context.close();
});

test('a moderator works through held comments one by one and in bulk', async ({ browser }) => {
  // Four readers post (each waits out the form's minimum time) before the moderation starts;
  // on a busy 2-core CI machine that alone came near the default 30 s.
  test.setTimeout(90_000);
  const id = unique();
  const names = ['A', 'B', 'C', 'D'].map((letter) => `Queue ${letter} ${id}`);
  const poster = await newReader(browser, { javaScript: false });
  for (const [i, name] of names.entries()) {
    // A new address each time keeps the rate limit out of this test.
    await poster.context.setExtraHTTPHeaders({ 'x-forwarded-for': `192.0.${10 + i}.1` });
    await poster.page.goto(STYLE_GUIDE);
    await postComment(poster.page, {
      name,
      email: `q${i}-${id}@example.com`,
      comment: `Queued comment ${i} ${id}`,
    });
    await expectOutcome(poster.page, 'held');
  }

  const { context, page } = await newReader(browser);
  await signInAsAdmin(page);
  const row = (name: string) =>
    page.getByRole('article', { name: new RegExp(`^Comment by ${name},`) });
  await expect(row(names[0]!)).toContainText('Held: new commenter');

  // In bulk: tick two, approve them together.
  await row(names[0]!).getByRole('checkbox').check();
  await row(names[1]!).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Done.');
  await expect(row(names[0]!)).toHaveCount(0);

  // One by one: spam, then trash.
  await row(names[2]!)
    .getByRole('button', { name: /^Mark spam:/ })
    .click();
  await row(names[3]!)
    .getByRole('button', { name: /^Trash:/ })
    .click();
  await expect(row(names[3]!)).toHaveCount(0);

  await page.getByRole('link', { name: /^Approved/ }).click();
  await expect(row(names[0]!)).toBeVisible();
  await expect(row(names[1]!)).toBeVisible();
  await page.getByRole('link', { name: /^Spam/ }).click();
  await row(names[2]!)
    .getByRole('button', { name: /^Delete:/ })
    .click();
  await expect(row(names[2]!)).toHaveCount(0);
  await page.getByRole('link', { name: /^Trash/ }).click();
  await expect(row(names[3]!)).toBeVisible();

  const reader = await newReader(browser);
  await reader.page.goto(STYLE_GUIDE);
  await expect(reader.page.locator('#comments')).toContainText(`Queued comment 0 ${id}`);
  await expect(reader.page.locator('#comments')).toContainText(`Queued comment 1 ${id}`);
  await expect(reader.page.locator('#comments')).not.toContainText(`Queued comment 2 ${id}`);
  for (const r of [poster, reader]) await r.context.close();
  await context.close();
});
