import Link from 'next/link';
import { ArticleCard } from '@/components/article/article-card';
import type { ArticleMeta, SectionMeta } from '@/lib/content/schema/types';

type SectionBlockProps = { section: SectionMeta; articles: ArticleMeta[] };

export function SectionBlock({ section, articles }: SectionBlockProps) {
  if (articles.length === 0) return null;
  const headingId = `section-${section.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        <Link prefetch={false} href={section.url} className="hover:underline">
          {section.name}
        </Link>
      </h2>
      <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
        {articles.map((article, i) => (
          <li key={article.slug}>
            <ArticleCard article={article} variant={i === 0 ? 'standard' : 'compact'} />
          </li>
        ))}
      </ul>
    </section>
  );
}
