import 'server-only';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { fileCache } from './file-cache';
import { getArticleBySlug } from './queries';
import { SEARCH_INDEX_OPTIONS, SEARCH_QUERY_OPTIONS, type SearchDoc } from './search-options';
import { snippet, type SnippetPart } from './snippet';
import type { ArticleMeta } from './types';

/** The index built with the content, loaded once per process (again when it changes in dev). */
const index = fileCache(
  () => path.join(process.cwd(), '.contentlayer', 'masthead', 'search.json'),
  (text) => MiniSearch.loadJSON<SearchDoc>(text, SEARCH_INDEX_OPTIONS),
);

export type SearchHit = { article: ArticleMeta; snippet: SnippetPart[]; score: number };
export type SearchResults = { hits: SearchHit[]; total: number };

export const MAX_QUERY_LENGTH = 200;

/** Ranked, typo-tolerant search over titles, standfirsts, bodies and tags. */
export function searchArticles(
  query: string,
  { section, limit = 20 }: { section?: string; limit?: number } = {},
): SearchResults {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (!q) return { hits: [], total: 0 };
  const results = index().search(q, {
    ...SEARCH_QUERY_OPTIONS,
    ...(section ? { filter: (result) => result.section === section } : {}),
  });
  const hits = results.slice(0, limit).flatMap((result): SearchHit[] => {
    const article = getArticleBySlug(String(result.id));
    if (!article) return [];
    const where = `${article.dek} ${String(result.excerpt ?? '')}`;
    return [{ article, snippet: snippet(where, result.terms), score: result.score }];
  });
  return { hits, total: results.length };
}
