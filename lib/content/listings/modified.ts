import type { ArticleMeta } from '../schema/types';

/** When an article last changed: the latest of its publication, `updated` and any correction. */
export function dateModified(article: ArticleMeta): string {
  return [article.date, article.updated, ...article.corrections.map((c) => c.date)]
    .filter((d): d is string => Boolean(d))
    .reduce((latest, d) => (d > latest ? d : latest));
}
