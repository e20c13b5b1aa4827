import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/article/article-list';
import { getSection, getSections, listArticles } from '@/lib/content/queries';

export const dynamicParams = false;

export function generateStaticParams() {
  return getSections().map((section) => ({ section: section.id }));
}

export async function generateMetadata({ params }: PageProps<'/[section]'>): Promise<Metadata> {
  const section = getSection((await params).section);
  return section ? { title: section.name, description: section.description } : {};
}

export default async function SectionPage({ params }: PageProps<'/[section]'>) {
  const section = getSection((await params).section) ?? notFound();
  const articles = listArticles({ section: section.id });
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <header className="mb-8 border-b border-neutral-200 pb-6 dark:border-neutral-800">
        <h1 className="font-serif text-4xl font-black">{section.name}</h1>
        <p className="mt-2 text-neutral-700 dark:text-neutral-300">{section.description}</p>
      </header>
      {articles.length > 0 ? (
        <ArticleList articles={articles} headingLevel="h2" />
      ) : (
        <p>No stories in this section yet.</p>
      )}
    </div>
  );
}
