import 'server-only';
import type { Kysely } from 'kysely';
import type {
  CommentRow,
  CommentStatus,
  CommentThread,
  Database,
  NewComment,
  PublicComment,
} from './types';

type Db = Kysely<Database>;

export async function insertComment(db: Db, comment: NewComment): Promise<number> {
  const row = await db
    .insertInto('comments')
    .values(comment)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const PUBLIC_COLUMNS = [
  'id',
  'parent_id as parentId',
  'author_name as name',
  'author_url as url',
  'body',
  'created_at as createdAt',
] as const;

/** Approved comments of an article as threads, oldest first; only columns readers may see. */
export async function listThreads(db: Db, articleSlug: string): Promise<CommentThread[]> {
  const rows: PublicComment[] = await db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where('article_slug', '=', articleSlug)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const threads = new Map<number, CommentThread>();
  for (const row of rows) {
    if (row.parentId === null) threads.set(row.id, { ...row, replies: [] });
  }
  for (const row of rows) {
    // A reply whose parent is not approved (held, spam, deleted) waits with it.
    if (row.parentId !== null) threads.get(row.parentId)?.replies.push(row);
  }
  return [...threads.values()];
}

/** One comment as readers may see it, when it is approved. */
export async function getPublicComment(
  db: Db,
  id: number,
): Promise<(PublicComment & { articleSlug: string }) | undefined> {
  return db
    .selectFrom('comments')
    .select([...PUBLIC_COLUMNS, 'article_slug as articleSlug'])
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .executeTakeFirst();
}

/** Where a reply attaches: replies to a reply join the top-level comment's thread. */
export async function threadRootFor(
  db: Db,
  parentId: number,
  articleSlug: string,
): Promise<number | undefined> {
  const parent = await db
    .selectFrom('comments')
    .select(['id', 'parent_id'])
    .where('id', '=', parentId)
    .where('article_slug', '=', articleSlug)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return parent ? (parent.parent_id ?? parent.id) : undefined;
}

export async function countRecentByIp(db: Db, ipHash: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('ip_hash', '=', ipHash)
    .where('created_at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function hasSameBody(db: Db, articleSlug: string, body: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('article_slug', '=', articleSlug)
    .where('body', '=', body)
    .where('status', '!=', 'trash')
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasApprovedComment(db: Db, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('author_email', '=', email)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return row !== undefined;
}

/** What moderators see: everything but the email address and the address hash. */
export type ModerationItem = Omit<CommentRow, 'author_email' | 'ip_hash'>;

export async function listForModeration(
  db: Db,
  status: CommentStatus,
  limit = 200,
): Promise<ModerationItem[]> {
  return db
    .selectFrom('comments')
    .select([
      'id',
      'article_slug',
      'parent_id',
      'author_name',
      'author_url',
      'body',
      'status',
      'held_reason',
      'created_at',
    ])
    .where('status', '=', status)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countByStatus(db: Db): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Changes the status of the given comments; returns the slugs of the articles touched. */
export async function setStatus(db: Db, ids: number[], status: CommentStatus): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('comments')
    .set({ status, ...(status === 'approved' ? { held_reason: null } : {}) })
    .where('id', 'in', ids)
    .returning('article_slug')
    .execute();
  return [...new Set(rows.map((r) => r.article_slug))];
}

export async function deleteComments(db: Db, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .deleteFrom('comments')
    .where('id', 'in', ids)
    .returning('article_slug')
    .execute();
  return [...new Set(rows.map((r) => r.article_slug))];
}
