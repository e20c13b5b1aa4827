import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { ArticleLayout } from '@/components/article/article-layout';
import { PreviewBanner } from '@/components/article/preview-banner';
import { RelatedArticles } from '@/components/article/related-articles';
import { CommentsSection } from '@/components/comments/comments-section';
import { NewsroomPage } from '@/components/page/newsroom-page';
import { JsonLd } from '@/components/seo/json-ld';
import { getAds } from '@/lib/ads/settings';
import { getArticleComments } from '@/lib/comments/queries';
import {
  getArticle,
  getArticleBody,
  getAuthors,
  getPage,
  getRelated,
  getSection,
  getSectionNames,
  listPages,
} from '@/lib/content/listings/queries';
import { prerenderedArticles } from '@/lib/content/listings/prerender';
import { isPublished } from '@/lib/content/listings/sort';
import { liveView } from '@/lib/content/live/arrange';
import { livePoll } from '@/lib/content/live/feed';
import { articleCrumbs, articleMetadata } from '@/lib/seo/article-metadata';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/json-ld';
import { liveBlogJsonLd } from '@/lib/seo/live-blog';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { siteConfig } from '@/lib/site';

/**
 * Paths outside generateStaticParams are rendered on request and answer 404, except in an
 * editor's preview (draft mode), where drafts and scheduled articles render. Drafts are never
 * among the static params.
 */
export const dynamicParams = true;

/**
 * Articles are static and regenerated in the background at most every 30 seconds, which is how
 * approved comments reach every server process without a rebuild (docs/decisions/004).
 */
export const revalidate = 30;

/** The newest articles, and the newsroom's own pages two deep (/about/team). */
export function generateStaticParams() {
  return [
    ...prerenderedArticles().map((article) => ({ section: article.section, slug: article.slug })),
    ...listPages().flatMap((page) => {
      const [section, slug, ...deeper] = page.id.split('/');
      return section && slug && deeper.length === 0 ? [{ section, slug }] : [];
    }),
  ];
}

export async function generateMetadata({
  params,
}: PageProps<'/[section]/[slug]'>): Promise<Metadata> {
  const { section: sectionId, slug } = await params;
  const preview = (await draftMode()).isEnabled;
  const article = getArticle(sectionId, slug, { preview });
  if (!article) {
    const page = getPage(`${sectionId}/${slug}`, { preview });
    return page ? pageMetadata(page) : {};
  }
  const section = getSection(article.section);
  return section ? articleMetadata(article, section, getAuthors(article.authorIds)) : {};
}

export default async function ArticlePage({ params }: PageProps<'/[section]/[slug]'>) {
  const { section: sectionId, slug } = await params;
  const preview = (await draftMode()).isEnabled;
  const article = getArticle(sectionId, slug, { preview });
  // No section has the first part of a page's path (the content check sees to it).
  if (!article) {
    const page = getPage(`${sectionId}/${slug}`, { preview }) ?? notFound();
    return <NewsroomPage page={page} preview={preview} />;
  }
  const section = getSection(article.section) ?? notFound();
  const authors = getAuthors(article.authorIds);
  const published = isPublished(article);
  const comments = published ? await getArticleComments(article.slug) : undefined;
  const crumbs = articleCrumbs(article, section);
  // A live story's newest entries are at its own address; older ones at …/page/2 and on.
  const live = liveView(article, 1, siteConfig.liveEntriesPerPage);
  const { liveBlog } = article;
  return (
    <>
      {preview ? <PreviewBanner path={article.url} published={published} /> : null}
      <JsonLd
        data={
          liveBlog
            ? liveBlogJsonLd(
                { ...article, liveBlog },
                section,
                authors,
                siteConfig,
                siteConfig.liveEntriesPerPage,
              )
            : newsArticleJsonLd(article, section, authors, siteConfig)
        }
      />
      <JsonLd data={breadcrumbJsonLd(crumbs, siteConfig.url)} />
      <ArticleLayout
        article={article}
        authors={authors}
        body={getArticleBody(article)}
        crumbs={crumbs}
        commentCount={comments?.available ? comments.count : undefined}
        ads={getAds()}
        live={live}
        livePoll={published ? livePoll(article, siteConfig.liveEntriesPerPage) : undefined}
      >
        <RelatedArticles articles={getRelated(article)} sectionNames={getSectionNames()} />
        {/* An unpublished article takes no comments. */}
        {comments ? (
          <CommentsSection
            articleSlug={article.slug}
            articleUrl={article.url}
            threads={comments.threads}
            token={comments.token}
            available={comments.available}
          />
        ) : null}
      </ArticleLayout>
    </>
  );
}
