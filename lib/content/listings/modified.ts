import type { ArticleMeta } from '../schema/types';

/**
 * When an article last changed: the latest of its publication, `updated`, any correction and,
 * for a live story, its entries (every one compared: stored data need not be in order).
 */
export function dateModified(article: ArticleMeta): string {
  return [
    article.date,
    article.updated,
    ...article.corrections.map((c) => c.date),
    ...(article.liveBlog?.entries.map((e) => e.time) ?? []),
  ]
    .filter((d): d is string => Boolean(d))
    .reduce((latest, d) => (d > latest ? d : latest));
}
