import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/article/article-listing';
import { paginate } from '@/lib/content/listings/paginate';
import { prerenderedTags } from '@/lib/content/listings/prerender';
import { getTag, listArticles, getSectionNames } from '@/lib/content/listings/queries';
import { alternates } from '@/lib/seo/urls';
import { siteConfig } from '@/lib/site';

// Less-used topics render on first request (lib/content/listings/prerender.ts); unknown ones are a 404.
export const dynamicParams = true;

export function generateStaticParams() {
  return prerenderedTags().map((tag) => ({ tag: tag.slug }));
}

export async function generateMetadata({ params }: PageProps<'/tags/[tag]'>): Promise<Metadata> {
  const tag = getTag((await params).tag);
  return tag
    ? {
        title: `Topic: ${tag.name}`,
        description: `Stories about ${tag.name}.`,
        alternates: alternates(`/tags/${tag.slug}`),
      }
    : {};
}

export default async function TagPage({ params }: PageProps<'/tags/[tag]'>) {
  const tag = getTag((await params).tag) ?? notFound();
  const listing = paginate(listArticles({ tag: tag.slug }), 1, siteConfig.pageSize) ?? notFound();
  const sectionNames = getSectionNames();
  return (
    <ArticleListing
      title={`Topic: ${tag.name}`}
      description={`${tag.count} ${tag.count === 1 ? 'story' : 'stories'}`}
      listing={listing}
      base={`/tags/${tag.slug}`}
      sectionNames={sectionNames}
    />
  );
}
