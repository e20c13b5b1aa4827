'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState } from 'react';
import { postComment, requestFormToken } from '@/lib/comments/actions';
import { initialFormState } from '@/lib/comments/form-state';
import {
  COMMENTER_COOKIE,
  COMMENTER_MAX_AGE_S,
  HONEYPOT_FIELD,
  LIMITS,
} from '@/lib/comments/limits';
import { FormField } from './form-field';
import { REPLY_EVENT, type ReplyDetail } from './reply-link';

type CommentFormProps = {
  articleSlug: string;
  /** Signed when the page was rendered; posts sooner than 3 s after are refused. */
  token: string;
  /** Set on the reply page, where the form answers one comment. */
  replyTo?: ReplyDetail;
  /**
   * Where the form posts before JavaScript has loaded: a light page that shows the form again
   * with the reader's text if something is wrong, instead of rendering the whole article.
   */
  permalink: string;
};

const SAVED = 'masthead:commenter';

/**
 * "Leave a Comment". Posts to a server action, so it works before JavaScript loads; once it has
 * loaded, useActionState keeps the reader on the page and keeps what they typed.
 */
export function CommentForm({
  articleSlug,
  token,
  replyTo: fixedReply,
  permalink,
}: CommentFormProps) {
  const [state, formAction, pending] = useActionState(postComment, initialFormState, permalink);
  const [replyTo, setReplyTo] = useState<ReplyDetail | undefined>(fixedReply);
  const [freshToken, setFreshToken] = useState<string>();
  const asked = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const onFocus = () => {
    if (asked.current) return;
    asked.current = true;
    requestFormToken().then(setFreshToken, () => {
      asked.current = false;
    });
  };
  const { values, fieldErrors } = state;

  // "Reply" on a comment addresses this form to it.
  useEffect(() => {
    const onReply = (event: Event) => {
      setReplyTo((event as CustomEvent<ReplyDetail>).detail);
      const comment = formRef.current?.elements.namedItem('comment');
      if (comment instanceof HTMLTextAreaElement) {
        comment.scrollIntoView({ block: 'center' });
        comment.focus();
      }
    };
    window.addEventListener(REPLY_EVENT, onReply);
    return () => window.removeEventListener(REPLY_EVENT, onReply);
  }, []);

  // Fill in a returning commenter who asked to be remembered.
  useEffect(() => {
    const form = formRef.current;
    const remembered = readRemembered();
    if (!form || !remembered) return;
    for (const field of ['name', 'email', 'website'] as const) {
      const input = form.elements.namedItem(field);
      if (input instanceof HTMLInputElement && !input.value) input.value = remembered[field] ?? '';
    }
    const save = form.elements.namedItem('save');
    if (save instanceof HTMLInputElement) save.checked = true;
  }, []);

  useEffect(() => {
    if (state.status !== 'published' && state.status !== 'held') return;
    // Set here, not by the server: a cookie set during the action would make Next render the
    // whole article into its answer. Without JavaScript the server sets it on its redirect.
    if (state.proof) {
      const secure = window.location.protocol === 'https:' ? '; Secure' : '';
      document.cookie = `${COMMENTER_COOKIE}=${state.proof}; Path=/; Max-Age=${COMMENTER_MAX_AGE_S}; SameSite=Lax${secure}`;
    }
    if (state.values.save) {
      const { name, email, website } = state.values;
      window.localStorage.setItem(SAVED, JSON.stringify({ name, email, website }));
    } else {
      window.localStorage.removeItem(SAVED);
    }
  }, [state]);

  const parentId = replyTo ? String(replyTo.id) : state.status === 'error' ? values.parentId : '';
  const live = state.status === 'error' ? 'alert' : 'status';

  return (
    <form
      ref={formRef}
      action={formAction}
      onFocus={onFocus}
      className="comment-form space-y-4"
      noValidate
    >
      <h3 id="leave-comment" className="font-serif text-2xl font-bold">
        Leave a Comment
      </h3>
      {state.comment && state.status === 'held' ? (
        <div className="rounded-md border border-amber-600 bg-amber-50 p-4 dark:border-amber-400 dark:bg-amber-950/40">
          <p className="font-semibold">
            <bdi>{state.comment.name}</bdi>
          </p>
          <p className="mt-2 whitespace-pre-line">{state.comment.body}</p>
          <p className="mt-2 text-sm font-semibold">Your comment is awaiting moderation.</p>
        </div>
      ) : null}
      <div role={live} className="empty:hidden">
        {state.message ? <p className="font-semibold">{state.message}</p> : null}
      </div>
      {replyTo ? (
        <p className="text-sm">
          Replying to <bdi className="font-semibold">{replyTo.name}</bdi>.{' '}
          {fixedReply ? null : (
            <button type="button" className="underline" onClick={() => setReplyTo(undefined)}>
              Cancel reply
            </button>
          )}
        </p>
      ) : null}
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Your email address will not be published. Name, Email and Comment are required.
      </p>
      <input type="hidden" name="articleSlug" value={articleSlug} />
      <input type="hidden" name="parentId" value={parentId} />
      <input type="hidden" name="token" value={state.token ?? freshToken ?? token} />
      {/* The honeypot: off-screen and hidden from assistive technology; people leave it empty. */}
      <div aria-hidden="true" className="honeypot">
        <label htmlFor="comment-address">Leave this field empty</label>
        <input
          id="comment-address"
          name={HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autoComplete="off"
        />
      </div>
      <FormField
        id="comment-body"
        label="Comment"
        multiline
        name="comment"
        rows={6}
        required
        maxLength={LIMITS.commentMax}
        defaultValue={values.comment}
        error={fieldErrors.comment}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField
          id="comment-name"
          label="Name"
          name="name"
          autoComplete="name"
          required
          maxLength={LIMITS.name}
          defaultValue={values.name}
          error={fieldErrors.name}
        />
        <FormField
          id="comment-email"
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          error={fieldErrors.email}
        />
        <FormField
          id="comment-website"
          label="Website"
          name="website"
          type="url"
          autoComplete="url"
          defaultValue={values.website}
          error={fieldErrors.website}
        />
      </div>
      <div className="flex items-start gap-2">
        <input
          id="comment-save"
          name="save"
          type="checkbox"
          defaultChecked={values.save}
          className="mt-1 h-4 w-4"
        />
        <label htmlFor="comment-save">
          Save my name, email, and website in this browser for the next time I comment.
        </label>
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="rounded-md bg-neutral-900 px-5 py-2.5 font-semibold text-white disabled:opacity-60 dark:bg-neutral-100 dark:text-neutral-900"
      >
        {pending ? 'Posting…' : 'Post comment'}
      </button>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        We keep your name, website and comment with this article, and your email address and a
        scrambled form of your network address to fight spam; neither is ever shown. Spam is
        filtered automatically and first-time comments are read by a moderator before they appear.{' '}
        <Link prefetch={false} href="/privacy" className="underline">
          How we handle your data
        </Link>
        .
      </p>
    </form>
  );
}

/** What "Save my name…" stored; anything else found under that key (edited, corrupt) is ignored. */
function readRemembered(): Partial<Record<'name' | 'email' | 'website', string>> | undefined {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(SAVED) ?? 'null');
    if (!value || typeof value !== 'object') return undefined;
    const entries = Object.entries(value).filter(
      ([key, text]) => ['name', 'email', 'website'].includes(key) && typeof text === 'string',
    );
    return Object.fromEntries(entries);
  } catch {
    return undefined;
  }
}
