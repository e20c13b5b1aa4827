'use client';

import type { MouseEvent } from 'react';

export const REPLY_EVENT = 'masthead:reply';
export type ReplyDetail = { id: number; name: string };

type ReplyLinkProps = { commentId: number; name: string };

/**
 * Without JavaScript, a link to a page with a reply form. With it, the comment form on this
 * page takes the reply, so the reader stays where they are.
 */
export function ReplyLink({ commentId, name }: ReplyLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    window.dispatchEvent(
      new CustomEvent<ReplyDetail>(REPLY_EVENT, { detail: { id: commentId, name } }),
    );
  };
  return (
    <a
      href={`/comments/${commentId}/reply`}
      onClick={onClick}
      className="text-sm font-semibold underline-offset-2 hover:underline"
      aria-label={`Reply to ${name}`}
    >
      Reply
    </a>
  );
}
