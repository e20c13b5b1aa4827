import { type ColumnType, type Insertable, type Kysely, PostgresAdapter, sql } from 'kysely';
import type { CommentStatus, Database, NewComment } from '@/lib/comments/types';
import type { PreparedPost, ReadyComment } from './prepare';

/**
 * One row per WordPress comment ever imported (migration 004-imported-comments): which store
 * row it became, and what WordPress said of it then, so that importing the same export again
 * changes nothing and a later one changes only what changed on WordPress.
 */
export type ImportedCommentsTable = {
  /** Which WordPress site: the importer passes the export's base_site_url. */
  source: string;
  /** WordPress ids are BIGINT there and here; pg hands a bigint back as a string. */
  wp_id: ColumnType<number | string, number, number>;
  wp_post_id: ColumnType<number | string, number, number>;
  /** null once a moderator has deleted the comment here: it is not brought back. */
  comment_id: number | null;
  /** The store status WordPress's status last gave it. */
  wp_status: CommentStatus;
  /** ReadyComment.digest when last imported. */
  digest: string;
};

export type ImportDb = Database & { imported_comments: ImportedCommentsTable };

export type WriteCounts = {
  /** New rows: published and held together. */
  imported: number;
  /** Of those, approved on WordPress: shown at once. */
  published: number;
  /** Of those, held on WordPress: in the moderation queue. */
  held: number;
  /** Rows already imported that WordPress changed since (text, author, status, thread). */
  updated: number;
  unchanged: number;
  /** Imported before and deleted here by a moderator since: left deleted. */
  deletedHere: number;
};

/**
 * Rows per INSERT, largest first. A few fixed sizes, so the database sees a handful of
 * statement texts however the comments fall into posts (better-sqlite3 keeps each text it
 * prepares for the process's life: lib/comments/sqlite-statements.ts).
 */
const CHUNKS = [256, 32, 4, 1] as const;
const [BATCH] = CHUNKS;
/** PostgreSQL ids taken from the sequence at a time. */
const ID_BLOCK = 4_096;

const HELD_REASON: Record<CommentStatus, string | null> = {
  approved: null,
  pending: 'held on WordPress',
  spam: 'spam on WordPress',
  trash: 'trashed on WordPress',
};

type Known = { commentId: number | null; status: string; digest: string };

/** Writes prepared posts into the store inside the caller's transaction, in batches. */
export class StoreWriter {
  readonly counts: WriteCounts = {
    imported: 0,
    published: 0,
    held: 0,
    updated: 0,
    unchanged: 0,
    deletedHere: 0,
  };
  private readonly comments: NewComment[] = [];
  private readonly mappings: Insertable<ImportedCommentsTable>[] = [];
  private readonly postgres: boolean;
  /** SQLite: the next free id. The transaction holds the write lock, so nobody else takes it. */
  private nextId = 0;
  /** PostgreSQL: ids taken from the sequence and not used yet, smallest first. */
  private pool: number[] = [];
  /** Whether this source was imported before; if not, no post has anything to look up. */
  private seenBefore = true;

  constructor(
    private readonly db: Kysely<ImportDb>,
    private readonly source: string,
  ) {
    this.postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  async start(): Promise<void> {
    const before = await this.db
      .selectFrom('imported_comments')
      .select('wp_id')
      .where('source', '=', this.source)
      .limit(1)
      .executeTakeFirst();
    this.seenBefore = before !== undefined;
    if (this.postgres) {
      // Two imports of one site at once would each think the other's comments new.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`import:${this.source}`}, 0))`.execute(
        this.db,
      );
      return;
    }
    // AUTOINCREMENT never reuses an id, even a deleted one's: start past both.
    const row = await sql<{ next: number }>`select max(
        coalesce((select max(id) from comments), 0),
        coalesce((select seq from sqlite_sequence where name = 'comments'), 0)
      ) + 1 as next`.execute(this.db);
    this.nextId = Number(row.rows[0]?.next ?? 1);
  }

  async post(post: PreparedPost): Promise<void> {
    const known = await this.known(post.wpPostId);
    const fresh = post.ready.filter((comment) => !known.has(comment.wpId));
    // Ids in WordPress's order (date, then id), so the store's tie-break by id agrees with it.
    const ids = await this.reserve(fresh.length);
    const storeIds = new Map<number, number | null>();
    fresh.forEach((comment, i) => storeIds.set(comment.wpId, ids[i] ?? null));
    for (const [wpId, row] of known) storeIds.set(wpId, row.commentId);

    // A thread's first comment before its replies: each reply's parent exists when it lands.
    const ordered = [
      ...post.ready.filter((comment) => comment.rootWpId === null),
      ...post.ready.filter((comment) => comment.rootWpId !== null),
    ];
    for (const comment of ordered) {
      // A thread a moderator deleted here: its new replies start threads of their own.
      const parentId = comment.rootWpId === null ? null : (storeIds.get(comment.rootWpId) ?? null);
      const row = known.get(comment.wpId);
      if (row === undefined) await this.insert(post, comment, storeIds.get(comment.wpId), parentId);
      else if (row.commentId === null) this.counts.deletedHere += 1;
      else if (row.digest === comment.digest && row.status === comment.status) {
        this.counts.unchanged += 1;
      } else await this.update(post, comment, row, parentId);
    }
    for (const comment of post.dropped) {
      const row = known.get(comment.wpId);
      if (row?.commentId == null || row.status === comment.status) continue;
      // Imported before, now spam or trash on WordPress: hidden here too, not deleted.
      await this.flush(true);
      await this.setRow(row.commentId, {
        status: comment.status,
        held_reason: HELD_REASON[comment.status],
      });
      await this.setMapping(comment.wpId, post.wpPostId, { wp_status: comment.status });
      this.counts.updated += 1;
    }
  }

  /** Writes whatever is still waiting. */
  async finish(): Promise<void> {
    await this.flush(true);
  }

  private async known(wpPostId: number): Promise<Map<number, Known>> {
    if (!this.seenBefore) return new Map();
    const rows = await this.db
      .selectFrom('imported_comments')
      .select(['wp_id', 'comment_id', 'wp_status', 'digest'])
      .where('source', '=', this.source)
      .where('wp_post_id', '=', wpPostId)
      .execute();
    return new Map(
      rows.map((row) => [
        Number(row.wp_id),
        { commentId: row.comment_id, status: row.wp_status, digest: row.digest },
      ]),
    );
  }

  private async reserve(count: number): Promise<number[]> {
    if (count === 0) return [];
    if (!this.postgres) {
      const first = this.nextId;
      this.nextId += count;
      return Array.from({ length: count }, (_, i) => first + i);
    }
    // A round trip per post would be most of the time on a network: ids come in blocks. Ids
    // taken and not used leave a gap in the sequence, as a rolled-back insert does.
    if (this.pool.length < count) {
      const result = await sql<{ id: number | string }>`
        select nextval(pg_get_serial_sequence('comments', 'id')) as id
        from generate_series(1, ${Math.max(count - this.pool.length, ID_BLOCK)})`.execute(this.db);
      this.pool.push(...result.rows.map((row) => Number(row.id)));
      this.pool.sort((a, b) => a - b);
    }
    return this.pool.splice(0, count);
  }

  private async insert(
    post: PreparedPost,
    comment: ReadyComment,
    id: number | null | undefined,
    parentId: number | null,
  ): Promise<void> {
    if (id == null) throw new Error(`comment import: no id reserved for comment ${comment.wpId}`);
    this.comments.push({
      id,
      ...this.fields(post, comment, parentId),
      created_at: comment.createdAt,
    });
    this.mappings.push({
      source: this.source,
      wp_id: comment.wpId,
      wp_post_id: post.wpPostId,
      comment_id: id,
      wp_status: comment.status,
      digest: comment.digest,
    });
    this.counts.imported += 1;
    if (comment.status === 'pending') this.counts.held += 1;
    else this.counts.published += 1;
    if (this.comments.length >= BATCH) await this.flush(false);
  }

  /**
   * WordPress changed it since the last import: what it changed is written, over whatever a
   * moderator did here since; a comment WordPress left alone keeps a moderator's decision.
   */
  private async update(
    post: PreparedPost,
    comment: ReadyComment,
    row: Known,
    parentId: number | null,
  ): Promise<void> {
    if (row.commentId === null) return;
    await this.flush(true);
    const { status, held_reason, ...fields } = this.fields(post, comment, parentId);
    await this.setRow(row.commentId, {
      ...(row.digest !== comment.digest ? fields : {}),
      ...(row.status !== comment.status ? { status, held_reason } : {}),
    });
    await this.setMapping(comment.wpId, post.wpPostId, {
      wp_status: comment.status,
      digest: comment.digest,
    });
    this.counts.updated += 1;
  }

  private fields(post: PreparedPost, comment: ReadyComment, parentId: number | null) {
    return {
      article_slug: post.articleSlug,
      parent_id: parentId,
      author_name: comment.name,
      author_email: comment.email,
      author_url: comment.url,
      body: comment.body,
      status: comment.status,
      held_reason: HELD_REASON[comment.status],
      // Rate limits and duplicate checks look at recent addresses only; a comment from years
      // ago has nothing to say to them, so no derivative of its address is kept (decision 024).
      ip_hash: '',
    } satisfies Partial<NewComment>;
  }

  private async setRow(id: number, values: Partial<Omit<NewComment, 'id' | 'created_at'>>) {
    await this.db.updateTable('comments').set(values).where('id', '=', id).execute();
  }

  private async setMapping(
    wpId: number,
    wpPostId: number,
    values: { wp_status: CommentStatus; digest?: string },
  ) {
    await this.db
      .updateTable('imported_comments')
      .set({ ...values, wp_post_id: wpPostId })
      .where('source', '=', this.source)
      .where('wp_id', '=', wpId)
      .execute();
  }

  /** Inserts waiting rows in whole batches; with `all`, the rest too. */
  private async flush(all: boolean): Promise<void> {
    for (const size of CHUNKS) {
      if (size !== BATCH && !all) break;
      while (this.comments.length >= size) {
        const comments = this.comments.splice(0, size);
        const mappings = this.mappings.splice(0, size);
        await this.db.insertInto('comments').values(comments).execute();
        await this.db
          .insertInto('imported_comments')
          .values(mappings)
          // A comment WordPress moved to another post: the mapping follows it.
          .onConflict((conflict) =>
            conflict.columns(['source', 'wp_id']).doUpdateSet((eb) => ({
              wp_post_id: eb.ref('excluded.wp_post_id'),
              comment_id: eb.ref('excluded.comment_id'),
              wp_status: eb.ref('excluded.wp_status'),
              digest: eb.ref('excluded.digest'),
            })),
          )
          .execute();
      }
    }
  }
}
