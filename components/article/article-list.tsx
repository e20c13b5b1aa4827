import { Fragment, type ReactNode } from 'react';
import { listingBreaks } from '@/lib/ads/placement';
import type { ArticleMeta } from '@/lib/content/schema/types';
import { ArticleCard } from './article-card';

type ArticleListProps = {
  articles: ArticleMeta[];
  sectionNames?: Map<string, string>;
  headingLevel?: 'h2' | 'h3';
  /** Load the first card's picture at once: the list is the top of its page. */
  eagerFirst?: boolean;
  /** Something between every `every` cards (an ad slot), the list parted around it. */
  between?: { every: number; render: (n: number) => ReactNode };
};

export function ArticleList({
  articles,
  sectionNames,
  headingLevel,
  eagerFirst = false,
  between,
}: ArticleListProps) {
  const breaks = between ? listingBreaks(articles.length, between.every) : [];
  const runs = [...breaks.map((at) => at + 1), articles.length].map((end, n, ends) => ({
    start: n === 0 ? 0 : ends[n - 1]!,
    end,
  }));
  return runs.map(({ start, end }, n) => (
    <Fragment key={start}>
      <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {articles.slice(start, end).map((article, i) => (
          <li key={article.slug}>
            <ArticleCard
              article={article}
              sectionName={sectionNames?.get(article.section)}
              headingLevel={headingLevel}
              eager={eagerFirst && start + i === 0}
            />
          </li>
        ))}
      </ul>
      {between && n < runs.length - 1 ? between.render(n + 1) : null}
    </Fragment>
  ));
}
