import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentForm } from '@/components/comments/comment-form';
import { CommentItem } from '@/components/comments/comment-item';
import { freshFormToken, getReplyTarget } from '@/lib/comments/queries';
import { getArticleBySlug } from '@/lib/content/listings/queries';

export const metadata: Metadata = { title: 'Reply to a comment', robots: { index: false } };

/** Where "Reply" leads when JavaScript is off: the comment, and a form that answers it. */
export default async function ReplyPage({ params }: PageProps<'/comments/[id]/reply'>) {
  const id = Number((await params).id);
  const comment = Number.isInteger(id) && id > 0 ? await getReplyTarget(id) : undefined;
  const article = comment ? getArticleBySlug(comment.articleSlug) : undefined;
  if (!comment || !article) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-8">
      <p>
        <Link prefetch={false} href={`${article.url}#comment-${comment.id}`} className="underline">
          Back to “{article.title}”
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">Reply to {comment.name}</h1>
      <CommentItem comment={comment} />
      <CommentForm
        articleSlug={article.slug}
        token={freshFormToken()}
        replyTo={{ id: comment.id, name: comment.name }}
        permalink={`/comments/${comment.id}/reply`}
      />
    </div>
  );
}
