import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/article/article-listing';
import { NewsroomPage } from '@/components/page/newsroom-page';
import { getAds } from '@/lib/ads/settings';
import { paginate } from '@/lib/content/listings/paginate';
import {
  getPage,
  getSection,
  getSections,
  listArticles,
  listPages,
} from '@/lib/content/listings/queries';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { siteConfig } from '@/lib/site';
import { alternates } from '@/lib/seo/urls';

/**
 * A section or author published after the build renders on its first request; invented ones
 * never get here (proxy.ts answers them 404 from the content index).
 */
export const dynamicParams = true;

/** Sections, and the newsroom's own pages one deep (/about), which no section may share. */
export function generateStaticParams() {
  return [
    ...getSections().map((section) => ({ section: section.id })),
    ...listPages()
      .filter((page) => !page.id.includes('/'))
      .map((page) => ({ section: page.id })),
  ];
}

export async function generateMetadata({ params }: PageProps<'/[section]'>): Promise<Metadata> {
  const { section: id } = await params;
  const section = getSection(id);
  if (!section) {
    const page = getPage(id, { preview: (await draftMode()).isEnabled });
    return page ? pageMetadata(page) : {};
  }
  return {
    title: section.name,
    description: section.description,
    alternates: alternates(section.url, { 'application/rss+xml': `${section.url}/feed.xml` }),
  };
}

export default async function SectionPage({ params }: PageProps<'/[section]'>) {
  const { section: id } = await params;
  const section = getSection(id);
  if (!section) {
    const preview = (await draftMode()).isEnabled;
    return <NewsroomPage page={getPage(id, { preview }) ?? notFound()} preview={preview} />;
  }
  const listing =
    paginate(listArticles({ section: section.id }), 1, siteConfig.pageSize) ?? notFound();
  return (
    <ArticleListing
      ads={getAds()}
      title={section.name}
      description={section.description}
      listing={listing}
      base={section.url}
    />
  );
}
