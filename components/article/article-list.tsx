import type { ArticleMeta } from '@/lib/content/types';
import { ArticleCard } from './article-card';

type ArticleListProps = {
  articles: ArticleMeta[];
  sectionNames?: Map<string, string>;
  headingLevel?: 'h2' | 'h3';
};

export function ArticleList({ articles, sectionNames, headingLevel }: ArticleListProps) {
  return (
    <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article) => (
        <li key={article.slug}>
          <ArticleCard
            article={article}
            sectionName={sectionNames?.get(article.section)}
            headingLevel={headingLevel}
          />
        </li>
      ))}
    </ul>
  );
}
