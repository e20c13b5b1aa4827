'use client';

import Link from 'next/link';

type ErrorNoticeProps = {
  title: string;
  /** What the reader can do, in the words of the page that failed. */
  advice: string;
  error: unknown;
  retry: () => void;
};

/** The digest Next gives a server error: the line to find in the server's log. */
function referenceOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return undefined;
  const digest = (error as { digest?: unknown }).digest;
  return typeof digest === 'string' && /^[\w-]{1,64}$/.test(digest) ? digest : undefined;
}

/**
 * What an error boundary shows in place of the part of a page that failed. The header, the
 * footer and everything outside the boundary keep working; the reader is told what failed,
 * what to do, and a reference an operator can find in the server log. Never the error's text.
 */
export function ErrorNotice({ title, advice, error, retry }: ErrorNoticeProps) {
  const reference = referenceOf(error);
  return (
    <div role="alert" className="mx-auto max-w-3xl space-y-4 px-4 py-12">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      <p className="text-lg text-neutral-700 dark:text-neutral-300">{advice}</p>
      <div className="flex flex-wrap gap-4">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-neutral-900 px-5 py-2.5 font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900"
        >
          Try again
        </button>
        <Link prefetch={false} href="/" className="self-center underline">
          Go to the front page
        </Link>
      </div>
      {reference ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Reference: <code>{reference}</code>
        </p>
      ) : null}
    </div>
  );
}
