import type { CommentThread } from '@/lib/comments/types';
import { CommentItem } from './comment-item';
import { ReplyLink } from './reply-link';

type CommentListProps = { threads: CommentThread[] };

/** Threads oldest first, replies one level deep under the comment they answer. */
export function CommentList({ threads }: CommentListProps) {
  return (
    <ol className="space-y-8">
      {threads.map((thread) => (
        <li key={thread.id}>
          <CommentItem
            comment={thread}
            footer={<ReplyLink commentId={thread.id} name={thread.name} />}
          >
            {thread.replies.length > 0 ? (
              <ol className="mt-6 space-y-6 border-l-2 border-neutral-200 pl-5 dark:border-neutral-800">
                {thread.replies.map((reply) => (
                  <li key={reply.id}>
                    <CommentItem
                      comment={reply}
                      footer={<ReplyLink commentId={reply.id} name={reply.name} />}
                    />
                  </li>
                ))}
              </ol>
            ) : null}
          </CommentItem>
        </li>
      ))}
    </ol>
  );
}
