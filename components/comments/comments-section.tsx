import { POSTED_ANCHOR } from '@/lib/comments/limits';
import type { CommentThread } from '@/lib/comments/types';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';
import { PostedNotice } from './posted-notice';

type CommentsSectionProps = {
  articleSlug: string;
  articleUrl: string;
  threads: CommentThread[];
  token: string;
  /** False when the database could not be read: the article still shows, and says so here. */
  available: boolean;
};

export function CommentsSection({
  articleSlug,
  articleUrl,
  threads,
  token,
  available,
}: CommentsSectionProps) {
  return (
    <section id="comments" aria-labelledby="comments-heading" className="comments space-y-8">
      <h2 id="comments-heading" className="section-heading">
        Comments
      </h2>
      <PostedNotice id={POSTED_ANCHOR.held}>
        Thank you. Your comment is awaiting moderation.
      </PostedNotice>
      <PostedNotice id={POSTED_ANCHOR.published}>
        Thank you. Your comment is published.
      </PostedNotice>
      {!available ? (
        <p role="status" className="text-neutral-700 dark:text-neutral-300">
          The comments cannot be shown just now. Please try again in a few minutes.
        </p>
      ) : threads.length > 0 ? (
        <CommentList threads={threads} />
      ) : (
        <p className="text-neutral-700 dark:text-neutral-300">
          No comments yet. Start the conversation.
        </p>
      )}
      <CommentForm articleSlug={articleSlug} token={token} permalink={`${articleUrl}/comment`} />
    </section>
  );
}
