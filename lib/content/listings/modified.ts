import { latestOf } from '../schema/dates';
import type { ArticleMeta } from '../schema/types';

/**
 * When an article last changed: the latest of its publication, `updated`, any correction and,
 * for a live story, its entries (every one compared, by the moment: stored data need not be in
 * order, nor every time in one form).
 */
export function dateModified(article: ArticleMeta): string {
  const dates = [
    article.date,
    article.updated,
    ...article.corrections.map((c) => c.date),
    ...(article.liveBlog?.entries.map((e) => e.time) ?? []),
  ].filter((d): d is string => Boolean(d));
  return latestOf(dates) ?? article.date;
}
