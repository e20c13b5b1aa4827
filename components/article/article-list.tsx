import type { ArticleMeta } from '@/lib/content/types';
import { ArticleCard } from './article-card';

type ArticleListProps = {
  articles: ArticleMeta[];
  sectionNames?: Map<string, string>;
  headingLevel?: 'h2' | 'h3';
  /** Load the first card's picture at once: the list is the top of its page. */
  eagerFirst?: boolean;
};

export function ArticleList({
  articles,
  sectionNames,
  headingLevel,
  eagerFirst = false,
}: ArticleListProps) {
  return (
    <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article, i) => (
        <li key={article.slug}>
          <ArticleCard
            article={article}
            sectionName={sectionNames?.get(article.section)}
            headingLevel={headingLevel}
            eager={eagerFirst && i === 0}
          />
        </li>
      ))}
    </ul>
  );
}
