import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/article/article-listing';
import { pageParam, paginate } from '@/lib/content/listings/paginate';
import { getAuthor, getSectionNames, listArticles } from '@/lib/content/listings/queries';
import { alternates } from '@/lib/seo/urls';
import { siteConfig } from '@/lib/site';

// Deeper pages render on first request (lib/content/listings/prerender.ts); past the last page is a 404.
export const dynamicParams = true;

// None at build: every later page renders on its first request and is cached from then on.
export function generateStaticParams(): { id: string; page: string }[] {
  return [];
}

export async function generateMetadata({
  params,
}: PageProps<'/authors/[id]/page/[page]'>): Promise<Metadata> {
  const { id, page } = await params;
  const author = getAuthor(id);
  return author
    ? {
        title: `${author.name}, page ${page}`,
        alternates: alternates(`${author.url}/page/${page}`),
      }
    : {};
}

export default async function AuthorPageN({ params }: PageProps<'/authors/[id]/page/[page]'>) {
  const { id, page } = await params;
  const author = getAuthor(id) ?? notFound();
  const listing = paginate(
    listArticles({ author: author.id }),
    pageParam(page),
    siteConfig.pageSize,
  );
  if (!listing || listing.page === 1) notFound();
  return (
    <ArticleListing
      title={`Stories by ${author.name}`}
      description={author.role}
      listing={listing}
      base={author.url}
      sectionNames={getSectionNames()}
    />
  );
}
