import type { CommentThread } from '@/lib/comments/types';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';

type CommentsSectionProps = { articleSlug: string; threads: CommentThread[]; token: string };

export function CommentsSection({ articleSlug, threads, token }: CommentsSectionProps) {
  return (
    <section id="comments" aria-labelledby="comments-heading" className="comments space-y-8">
      <h2 id="comments-heading" className="section-heading">
        Comments
      </h2>
      {threads.length > 0 ? (
        <CommentList threads={threads} />
      ) : (
        <p className="text-neutral-700 dark:text-neutral-300">
          No comments yet. Start the conversation.
        </p>
      )}
      <CommentForm articleSlug={articleSlug} token={token} />
    </section>
  );
}
