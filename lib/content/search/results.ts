import 'server-only';
import { getArticleBySlug } from '../listings/queries';
import { currentSearchIndex } from './current-index';
import { planSearch, type SearchCorrection } from './plan';
import { parseSearchQuery } from './query';
import { snippet, type SnippetPart } from './snippet';
import type { ArticleMeta } from '../schema/types';

export type SearchHit = { article: ArticleMeta; snippet: SnippetPart[]; score: number };
export type SearchResults = {
  hits: SearchHit[];
  total: number;
  /** The words searched for, and those past the limit that were not (the page says so). */
  words: string[];
  leftOut: string[];
  /** Misspelt words searched as the word they were most likely meant to be (the page says so). */
  corrections: SearchCorrection[];
};

/** Ranked, typo-tolerant search over titles, standfirsts, bodies and tags. */
export function searchArticles(
  query: string,
  { section, limit = 20 }: { section?: string; limit?: number } = {},
): SearchResults {
  const asked = parseSearchQuery(query);
  const none = { hits: [], total: 0, ...asked, corrections: [] };
  if (asked.words.length === 0) return none;
  const index = currentSearchIndex();
  if (!index) return none;
  const { words, leftOut, corrections, options } = planSearch(index, asked);
  // Scheduled articles are in the index before their time; readers see only what is live.
  const results = index.search(words.join(' '), {
    ...options,
    filter: (result) =>
      (!section || result.section === section) && getArticleBySlug(String(result.id)) !== undefined,
  });
  const hits = results.slice(0, limit).flatMap((result): SearchHit[] => {
    const article = getArticleBySlug(String(result.id));
    if (!article) return [];
    const where = `${article.dek} ${String(result.excerpt ?? '')}`;
    return [{ article, snippet: snippet(where, result.terms), score: result.score }];
  });
  return { hits, total: results.length, words, leftOut, corrections };
}
