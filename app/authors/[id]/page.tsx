import type { Metadata } from 'next';
import { ServerImage } from '@/components/media/server-image';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/layout/pagination';
import { MdxBody } from '@/components/mdx/mdx-body';
import { paginate } from '@/lib/content/listings/paginate';
import { prerenderedAuthors } from '@/lib/content/listings/prerender';
import { getAuthor, listArticles, getSectionNames } from '@/lib/content/listings/queries';
import { siteConfig } from '@/lib/site';

/**
 * A section or author published after the build renders on its first request; invented ones
 * never get here (proxy.ts answers them 404 from the content index).
 */
export const dynamicParams = true;

export function generateStaticParams() {
  return prerenderedAuthors().map((author) => ({ id: author.id }));
}

export async function generateMetadata({ params }: PageProps<'/authors/[id]'>): Promise<Metadata> {
  const author = getAuthor((await params).id);
  return author ? { title: author.name, description: author.role } : {};
}

export default async function AuthorPage({ params }: PageProps<'/authors/[id]'>) {
  const author = getAuthor((await params).id) ?? notFound();
  const sectionNames = getSectionNames();
  // A prolific reporter files thousands of stories; the page shows them a page at a time.
  const listing = paginate(listArticles({ author: author.id }), 1, siteConfig.pageSize)!;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <header className="mb-8 flex items-start gap-6 border-b border-neutral-200 pb-6 dark:border-neutral-800">
        {author.avatar ? (
          <ServerImage
            src={author.avatar}
            alt=""
            width={96}
            height={96}
            className="rounded-full object-cover"
          />
        ) : null}
        <div>
          <h1 className="font-serif text-4xl font-black">{author.name}</h1>
          {author.role ? (
            <p className="mt-1 text-lg text-neutral-700 dark:text-neutral-300">{author.role}</p>
          ) : null}
          <div className="prose prose-neutral dark:prose-invert mt-4">
            <MdxBody code={author.bioCode} />
          </div>
        </div>
      </header>
      <h2 className="section-heading">Stories by {author.name}</h2>
      {listing.items.length > 0 ? (
        <ArticleList articles={listing.items} sectionNames={sectionNames} />
      ) : (
        <p>No published stories yet.</p>
      )}
      <Pagination page={1} totalPages={listing.totalPages} base={author.url} />
    </div>
  );
}
