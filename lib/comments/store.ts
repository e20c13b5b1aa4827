import 'server-only';
import { shownName } from './text';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
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
  for (const row of rows) row.name = shownName(row.name);
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
  const row = await db
    .selectFrom('comments')
    .select([...PUBLIC_COLUMNS, 'article_slug as articleSlug'])
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return row && { ...row, name: shownName(row.name) };
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

/** Is comment `id` approved and written from `email`? What makes a returning commenter. */
export async function isApprovedCommentBy(db: Db, id: number, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('id', '=', id)
    .where('author_email', '=', email)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return row !== undefined;
}

export type InsertGuard = {
  /** At most `rateLimit` comments from one network since `rateSince`. */
  rateSince: string;
  rateLimit: number;
  /** The same text from the same commenter on the same article since then is a duplicate. */
  duplicateSince: string;
};

export type GuardedInsert =
  { ok: true; id: number } | { ok: false; reason: 'rate-limited' | 'duplicate' };

async function checkAndInsert(
  db: Db,
  comment: NewComment,
  guard: InsertGuard,
): Promise<GuardedInsert> {
  // Both questions in one round trip: on PostgreSQL each one is a wait on the network.
  const found = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('comments')
        .select((inner) => inner.fn.countAll<string | number>().as('n'))
        .where('ip_hash', '=', comment.ip_hash)
        .where('created_at', '>=', guard.rateSince)
        .as('recent'),
      // The commenter's own earlier text only: a refusal never tells one reader what another wrote.
      eb
        .selectFrom('comments')
        .select('id')
        .where('article_slug', '=', comment.article_slug)
        .where('author_email', '=', comment.author_email)
        .where('body', '=', comment.body)
        .where('status', '!=', 'trash')
        .where('created_at', '>=', guard.duplicateSince)
        .limit(1)
        .as('duplicate'),
    ])
    .executeTakeFirstOrThrow();
  if (Number(found.recent) >= guard.rateLimit) return { ok: false, reason: 'rate-limited' };
  if (found.duplicate !== null) return { ok: false, reason: 'duplicate' };
  return { ok: true, id: await insertComment(db, comment) };
}

/**
 * Counts, checks and inserts in one transaction, so fifty posts arriving together from one
 * network cannot all count "none yet" before any of them is written. SQLite: BEGIN IMMEDIATE
 * takes the write lock before the count (other server processes wait on busy_timeout).
 * PostgreSQL: an advisory lock on the network's hash serialises posts from one network and
 * leaves everybody else's alone.
 */
export async function insertGuarded(
  db: Db,
  comment: NewComment,
  guard: InsertGuard,
): Promise<GuardedInsert> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${comment.ip_hash}, 0))`.execute(trx);
      return checkAndInsert(trx, comment, guard);
    });
  }
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await checkAndInsert(conn, comment, guard);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
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
