import type { ReactNode } from 'react';
import { formatDate } from '@/lib/content/schema/dates';
import { webAddress } from '@/lib/comments/text';
import type { PublicComment } from '@/lib/comments/types';
import { CommentBody } from './comment-body';

type CommentItemProps = {
  comment: PublicComment;
  /** The reply control, or a note such as "awaiting moderation". */
  footer?: ReactNode;
  children?: ReactNode;
};

export function CommentItem({ comment, footer, children }: CommentItemProps) {
  // Checked again here: a stored row may predate the form's checks or be written by hand.
  const website = webAddress(comment.url);
  return (
    <article
      id={`comment-${comment.id}`}
      className="comment"
      aria-label={`Comment by ${comment.name}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3">
        <p className="font-semibold">
          {website ? (
            <a
              href={website}
              rel="nofollow ugc noopener"
              className="text-accent underline-offset-2 hover:underline"
            >
              <bdi>{comment.name}</bdi>
            </a>
          ) : (
            <bdi>{comment.name}</bdi>
          )}
        </p>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        </p>
      </header>
      <div className="mt-2">
        <CommentBody body={comment.body} />
      </div>
      {footer ? <div className="mt-2">{footer}</div> : null}
      {children}
    </article>
  );
}
