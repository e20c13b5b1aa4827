import 'server-only';
import { commentsSecret } from './secret';
import { getDb } from './db';
import { describeError } from './errors';
import { countByStatus, getPublicComment, listForModeration, listThreads } from './store';
import { issueToken } from './token';
import type { CommentStatus, CommentThread } from './types';

export type ArticleComments = {
  threads: CommentThread[];
  count: number;
  token: string;
  /** False when the database did not answer: the article is shown without its discussion. */
  available: boolean;
};

/**
 * What the article page shows of its discussion, read when the page is (re)generated. A
 * database that does not answer costs the discussion, not the article.
 */
export async function getArticleComments(articleSlug: string): Promise<ArticleComments> {
  const token = issueToken(commentsSecret());
  try {
    const threads = await listThreads(await getDb(), articleSlug);
    const count = threads.reduce((n, thread) => n + 1 + thread.replies.length, 0);
    return { threads, count, token, available: true };
  } catch (error) {
    console.error(
      `comments: could not read the discussion of ${articleSlug}: ${describeError(error)}`,
    );
    return { threads: [], count: 0, token, available: false };
  }
}

export async function getReplyTarget(id: number) {
  return getPublicComment(await getDb(), id);
}

export function freshFormToken(): string {
  return issueToken(commentsSecret());
}

export async function getModerationQueue(status: CommentStatus) {
  const db = await getDb();
  const [items, counts] = await Promise.all([listForModeration(db, status), countByStatus(db)]);
  return { items, counts };
}
