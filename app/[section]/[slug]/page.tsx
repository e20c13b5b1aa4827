import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleLayout } from '@/components/article/article-layout';
import { CommentsSection } from '@/components/comments/comments-section';
import { getArticleComments } from '@/lib/comments/queries';
import {
  getArticle,
  getArticleBody,
  getAuthors,
  getSection,
  listArticles,
} from '@/lib/content/queries';

export const dynamicParams = false;

/**
 * Articles are static and regenerated in the background at most every 30 seconds, which is how
 * approved comments reach every server process without a rebuild (docs/decisions/004).
 */
export const revalidate = 30;

export function generateStaticParams() {
  return listArticles().map((article) => ({ section: article.section, slug: article.slug }));
}

export async function generateMetadata({
  params,
}: PageProps<'/[section]/[slug]'>): Promise<Metadata> {
  const { section, slug } = await params;
  const article = getArticle(section, slug);
  return article ? { title: article.title, description: article.dek } : {};
}

export default async function ArticlePage({ params }: PageProps<'/[section]/[slug]'>) {
  const { section: sectionId, slug } = await params;
  const article = getArticle(sectionId, slug) ?? notFound();
  const section = getSection(article.section) ?? notFound();
  const comments = await getArticleComments(article.slug);
  return (
    <ArticleLayout
      article={article}
      section={section}
      authors={getAuthors(article.authorIds)}
      body={getArticleBody(article.slug)}
      commentCount={comments.count}
    >
      <CommentsSection
        articleSlug={article.slug}
        threads={comments.threads}
        token={comments.token}
      />
    </ArticleLayout>
  );
}
