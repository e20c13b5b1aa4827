import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleLayout } from '@/components/article/article-layout';
import { JsonLd } from '@/components/seo/json-ld';
import { getAds } from '@/lib/ads/settings';
import { pageParam } from '@/lib/content/listings/paginate';
import { getArticle, getArticleBody, getAuthors, getSection } from '@/lib/content/listings/queries';
import { liveView } from '@/lib/content/live/arrange';
import { articleCrumbs } from '@/lib/seo/article-metadata';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { alternates } from '@/lib/seo/urls';
import { siteConfig } from '@/lib/site';

// Older pages of a live story render on first request; proxy.ts has refused a page number past
// the last, and any path that is not a live story's, before this runs (lib/routing/decide.ts).
export const dynamicParams = true;

// As the story's first page: entries move down a page as new ones come (docs/decisions/004).
export const revalidate = 30;

// None at build: readers mostly want the newest entries, at the story's own address.
export function generateStaticParams(): { section: string; slug: string; page: string }[] {
  return [];
}

export async function generateMetadata({
  params,
}: PageProps<'/[section]/[slug]/page/[page]'>): Promise<Metadata> {
  const { section, slug, page } = await params;
  const article = getArticle(section, slug);
  return article
    ? {
        title: `${article.title}, updates page ${page}`,
        description: article.dek,
        alternates: alternates(`${article.url}/page/${page}`),
      }
    : {};
}

/** Page 2 and on of a live story's entries: older entries, the key events, no summary. */
export default async function LiveStoryPageN({
  params,
}: PageProps<'/[section]/[slug]/page/[page]'>) {
  const { section: sectionId, slug, page } = await params;
  const article = getArticle(sectionId, slug) ?? notFound();
  const live = liveView(article, pageParam(page), siteConfig.liveEntriesPerPage);
  if (!live || live.page.page === 1) notFound();
  const section = getSection(article.section) ?? notFound();
  const crumbs = articleCrumbs(article, section);
  return (
    <>
      <JsonLd data={breadcrumbJsonLd(crumbs, siteConfig.url)} />
      <ArticleLayout
        article={article}
        authors={getAuthors(article.authorIds)}
        body={getArticleBody(article)}
        crumbs={crumbs}
        ads={getAds()}
        live={live}
      />
    </>
  );
}
