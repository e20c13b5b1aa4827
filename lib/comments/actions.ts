'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getArticleBySlug } from '@/lib/content/queries';
import { siteConfig } from '@/lib/site';
import { commentsConfig } from './config';
import { getDb } from './db';
import { EMPTY_VALUES, type CommentFormState } from './form-state';
import { clientIp } from './ip';
import { formValues } from './schema';
import { HONEYPOT_FIELD } from './limits';
import { submitComment } from './submit';
import { issueToken } from './token';

/** The "Post comment" button: with JavaScript through useActionState, without it as a form post. */
export async function postComment(
  _previous: CommentFormState,
  data: FormData,
): Promise<CommentFormState> {
  const values = formValues(data);
  const slug = String(data.get('articleSlug') ?? '');
  const article = getArticleBySlug(slug);
  if (!article) {
    return {
      status: 'error',
      message: 'This article no longer takes comments.',
      fieldErrors: {},
      values,
    };
  }
  const config = commentsConfig();
  const requestHeaders = await headers();
  const outcome = await submitComment(
    {
      articleSlug: slug,
      values,
      honeypot: String(data.get(HONEYPOT_FIELD) ?? ''),
      token: String(data.get('token') ?? ''),
    },
    {
      db: await getDb(),
      secret: config.secret,
      ip: clientIp(requestHeaders),
      userAgent: requestHeaders.get('user-agent') ?? '',
      now: new Date(),
      moderation: config.moderation,
      holdWords: config.holdWords,
      ...(config.akismet ? { akismet: config.akismet } : {}),
      permalink: new URL(article.url, siteConfig.url).toString(),
    },
  );

  if (!outcome.ok) {
    return {
      status: 'error',
      message:
        outcome.kind === 'invalid'
          ? 'Please correct the highlighted fields; your comment is still here.'
          : outcome.message,
      fieldErrors: outcome.fieldErrors,
      values,
      ...(outcome.kind === 'expired' ? { token: issueToken(config.secret) } : {}),
    };
  }

  // Keep who they are for the next comment; the comment itself is done.
  const kept = {
    ...EMPTY_VALUES,
    name: values.name,
    email: values.email,
    website: values.website,
    save: values.save,
  };
  if (outcome.status === 'approved') {
    revalidatePath(article.url);
    return {
      status: 'published',
      message: 'Thank you. Your comment is published.',
      fieldErrors: {},
      values: kept,
      comment: outcome.comment,
    };
  }
  // Spam is answered like a held comment, so a spammer learns nothing.
  return {
    status: 'held',
    message: 'Thank you. Your comment is awaiting moderation.',
    fieldErrors: {},
    values: kept,
    comment: outcome.comment,
  };
}

/**
 * A token stamped now. The article page is static, so the token in its HTML says when the page
 * was generated; the form asks for a fresh one when a reader starts to write, which makes the
 * three-second check mean "three seconds of writing".
 */
export async function requestFormToken(): Promise<string> {
  return issueToken(commentsConfig().secret);
}
