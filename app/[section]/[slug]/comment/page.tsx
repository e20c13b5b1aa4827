import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentForm } from '@/components/comments/comment-form';
import { freshFormToken } from '@/lib/comments/queries';
import { getArticle } from '@/lib/content/listings/queries';

export const metadata: Metadata = { title: 'Leave a comment', robots: { index: false } };

// Rendered per request: it is where a comment posted without JavaScript lands when it needs
// correcting (the form's permalink), and it never enters the page cache.
export const dynamic = 'force-dynamic';

/** The comment form on its own: light to render, so a post never costs the whole article. */
export default async function CommentPage({ params }: PageProps<'/[section]/[slug]/comment'>) {
  const { section, slug } = await params;
  const article = getArticle(section, slug) ?? notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-8">
      <p>
        <Link prefetch={false} href={`${article.url}#comments`} className="underline">
          Back to “{article.title}”
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">Comment on “{article.title}”</h1>
      <CommentForm
        articleSlug={article.slug}
        token={freshFormToken()}
        permalink={`${article.url}/comment`}
      />
    </div>
  );
}
