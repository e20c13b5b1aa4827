'use server';

import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect, RedirectType } from 'next/navigation';
import { after } from 'next/server';
import { getArticleBySlug } from '@/lib/content/listings/queries';
import { siteConfig } from '@/lib/site';
import { commentsConfig } from './config';
import { getDb } from './db';
import { describeError } from './errors';
import { EMPTY_VALUES, type CommentFormState } from './form-state';
import { clientIp } from './ip';
import { COMMENTER_COOKIE, COMMENTER_MAX_AGE_S, HONEYPOT_FIELD, POSTED_ANCHOR } from './limits';
import { formValues, type FormValues } from './schema';
import { MESSAGES, submitComment } from './submit';
import { issueToken } from './token';

const field = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

const unavailable = (values: FormValues): CommentFormState => ({
  status: 'error',
  message: MESSAGES.unavailable,
  fieldErrors: {},
  values,
});

/**
 * The "Post comment" button. With JavaScript it answers the form state and nothing else; the
 * article is not rendered again (its cached page is refreshed after the answer, when the comment
 * is published). Without JavaScript a post that succeeds is answered 303 to the article, whose
 * comments section says what happened; one that fails renders the light comment page (the
 * form's permalink) with the reader's text and the errors.
 */
export async function postComment(
  _previous: CommentFormState,
  data: FormData,
): Promise<CommentFormState> {
  const values = formValues(data);
  const article = getArticleBySlug(field(data, 'articleSlug'));
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
  const jar = await cookies();
  // Next marks a post made by its client with this header; a plain form post has none.
  const withoutJavaScript = !requestHeaders.has('next-action');

  let db;
  try {
    db = await getDb();
  } catch (error) {
    console.error(`comments: the database is unavailable: ${describeError(error)}`);
    return unavailable(values);
  }
  const outcome = await submitComment(
    {
      articleSlug: article.slug,
      values,
      honeypot: field(data, HONEYPOT_FIELD),
      token: field(data, 'token'),
      commenterProof: jar.get(COMMENTER_COOKIE)?.value,
    },
    {
      db,
      secret: config.secret,
      ip: clientIp(requestHeaders),
      userAgent: (requestHeaders.get('user-agent') ?? '').slice(0, 512),
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

  const published = outcome.status === 'approved';
  if (withoutJavaScript) {
    // A redirect answers before anything renders, so here the server may set the cookie.
    jar.set(COMMENTER_COOKIE, outcome.proof, {
      path: '/',
      maxAge: COMMENTER_MAX_AGE_S,
      sameSite: 'lax',
      secure: process.env.NODE_ENV === 'production' && siteConfig.url.startsWith('https://'),
    });
    if (published) revalidatePath(article.url);
    redirect(
      `${article.url}#${published ? POSTED_ANCHOR.published : POSTED_ANCHOR.held}`,
      RedirectType.push,
    );
  }
  // Called now, revalidatePath would make Next render the whole article into this answer.
  if (published) after(() => revalidatePath(article.url));

  // Keep who they are for the next comment; the comment itself is done.
  const kept = {
    ...EMPTY_VALUES,
    name: values.name,
    email: values.email,
    website: values.website,
    save: values.save,
  };
  return {
    status: published ? 'published' : 'held',
    // Spam is answered like a held comment, so a spammer learns nothing.
    message: published
      ? 'Thank you. Your comment is published.'
      : 'Thank you. Your comment is awaiting moderation.',
    fieldErrors: {},
    values: kept,
    comment: outcome.comment,
    proof: outcome.proof,
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
