import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/article/article-listing';
import { pageParam, paginate } from '@/lib/content/listings/paginate';
import { getTag, listArticles, getSectionNames } from '@/lib/content/listings/queries';
import { alternates } from '@/lib/seo/urls';
import { siteConfig } from '@/lib/site';

// Deeper pages render on first request (lib/content/listings/prerender.ts); past the last page is a 404.
export const dynamicParams = true;

// None at build: every later page renders on its first request and is cached from then on.
export function generateStaticParams(): { tag: string; page: string }[] {
  return [];
}

export async function generateMetadata({
  params,
}: PageProps<'/tags/[tag]/page/[page]'>): Promise<Metadata> {
  const { tag: slug, page } = await params;
  const tag = getTag(slug);
  return tag
    ? {
        title: `Topic: ${tag.name}, page ${page}`,
        alternates: alternates(`/tags/${tag.slug}/page/${page}`),
      }
    : {};
}

export default async function TagPageN({ params }: PageProps<'/tags/[tag]/page/[page]'>) {
  const { tag: slug, page } = await params;
  const tag = getTag(slug) ?? notFound();
  const listing = paginate(listArticles({ tag: tag.slug }), pageParam(page), siteConfig.pageSize);
  if (!listing || listing.page === 1) notFound();
  const sectionNames = getSectionNames();
  return (
    <ArticleListing
      title={`Topic: ${tag.name}`}
      listing={listing}
      base={`/tags/${tag.slug}`}
      sectionNames={sectionNames}
    />
  );
}
