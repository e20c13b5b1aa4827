import { randomBytes } from 'node:crypto';
import { expect, type Browser, type Page } from '@playwright/test';
import { ADMIN_PASSWORD } from '../playwright.config';

/** A fresh reader: their own browser context and network address, with or without JavaScript. */
export async function newReader(browser: Browser, { javaScript = true } = {}) {
  const address = `198.51.${1 + ((randomBytes(1)[0] ?? 0) % 250)}.${1 + ((randomBytes(1)[0] ?? 0) % 250)}`;
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    extraHTTPHeaders: { 'x-forwarded-for': address },
  });
  return { context, page: await context.newPage() };
}

export const unique = () => randomBytes(4).toString('hex');

export type CommentFields = { name: string; email: string; website?: string; comment: string };

export async function fillComment(page: Page, fields: CommentFields) {
  const form = page.locator('form.comment-form');
  await form.getByLabel('Comment', { exact: true }).fill(fields.comment);
  await form.getByLabel('Name', { exact: true }).fill(fields.name);
  await form.getByLabel('Email', { exact: true }).fill(fields.email);
  if (fields.website !== undefined)
    await form.getByLabel('Website', { exact: true }).fill(fields.website);
}

/** People take more than three seconds to write; the form refuses anything faster. */
export async function postComment(page: Page, fields: CommentFields) {
  await fillComment(page, fields);
  await page.waitForTimeout(3_200);
  await page.getByRole('button', { name: 'Post comment' }).click();
}

export const OUTCOME = {
  held: 'Thank you. Your comment is awaiting moderation.',
  published: 'Thank you. Your comment is published.',
} as const;

/**
 * What the poster sees after "Post comment": with JavaScript, the form's own status; without,
 * the article it was redirected to, whose notice for that outcome is the fragment's target.
 */
export async function expectOutcome(page: Page, outcome: keyof typeof OUTCOME) {
  await expect(
    page.getByText(OUTCOME[outcome], { exact: true }).filter({ visible: true }),
  ).toBeVisible();
}

export async function signInAsAdmin(page: Page) {
  await page.goto('/admin/comments');
  // A moderator who is signed in already goes straight to the list.
  if (await page.getByRole('navigation', { name: 'Comment status' }).isVisible()) return;
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Comment status' })).toBeVisible();
}

/** Approves a held comment through the moderation page, as a moderator would. */
export async function approveAs(page: Page, name: string) {
  await signInAsAdmin(page);
  await page.getByRole('button', { name: new RegExp(`^Approve: comment by ${name},`) }).click();
  await expect(page.getByRole('status')).toHaveText('Done.');
}
