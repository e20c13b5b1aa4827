import type { ArticleMeta } from '@/lib/content/schema/types';
import { ArticleCard } from './article-card';

type RelatedArticlesProps = { articles: ArticleMeta[]; sectionNames: Map<string, string> };

/** "You may also like": ranked at build time from tags, section, text and recency. */
export function RelatedArticles({ articles, sectionNames }: RelatedArticlesProps) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="related">
      <h2 id="related-heading" className="section-heading">
        You may also like
      </h2>
      <ul className="grid gap-6 sm:grid-cols-2">
        {articles.map((article) => (
          <li key={article.slug}>
            <ArticleCard article={article} sectionName={sectionNames.get(article.section)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
