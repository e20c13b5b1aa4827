import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '@/lib/comments/types';
import {
  type CommentLoss,
  type PostComments,
  type PrepareCounts,
  preparePost,
} from './comment-import/prepare';
import { Spool } from './comment-import/spool';
import { type ImportDb, StoreWriter, type WriteCounts } from './comment-import/store-writer';

export type { CommentLoss, PostComments };

/** What an import did, for the import report. */
export type CommentImportReport = WriteCounts &
  PrepareCounts & {
    /** Everything a comment lost on the way, one entry per comment and kind of loss. */
    losses: CommentLoss[];
  };

/** The longest source key (the export's base_site_url) kept. */
const SOURCE_MAX = 2_000;

export type ImportOptions = {
  /**
   * Do everything, then roll back: the report says what an import would do, and the store is
   * left as it was (on SQLite the write lock is held meanwhile, as for an import).
   */
  dryRun?: boolean;
};

/**
 * The site a source names, as a key: a site that moved from http to https, or is written with
 * a trailing slash or capitals in its host, is still the same site with the same comment ids.
 */
export function sourceKey(source: string): string {
  const trimmed = source.trim();
  if (!URL.canParse(trimmed)) return trimmed;
  const url = new URL(trimmed);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** Thrown inside a dry run's transaction to roll it back with the report in hand. */
class RolledBack extends Error {
  constructor(readonly counts: WriteCounts) {
    super('dry run: rolled back');
  }
}

function checkPost(post: PostComments): void {
  if (
    typeof post.articleSlug !== 'string' ||
    post.articleSlug === '' ||
    post.articleSlug.length > 1_000
  ) {
    throw new TypeError('comment import: every post needs the slug of its article');
  }
  if (!Number.isSafeInteger(post.wpPostId) || post.wpPostId < 0) {
    throw new TypeError(`comment import: ${String(post.wpPostId)} is not a WordPress post id`);
  }
}

/** Runs `write` in one transaction that holds the write lock from its first statement. */
async function inOneTransaction<T>(
  db: Kysely<Database>,
  write: (trx: Kysely<ImportDb>) => Promise<T>,
): Promise<T> {
  const tables = (trx: Kysely<Database>) => trx.withTables<Omit<ImportDb, keyof Database>>();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return db.transaction().execute((trx) => write(tables(trx)));
  }
  // BEGIN IMMEDIATE, as lib/comments/store.ts: the lock is taken before the first read, so
  // the ids counted at the start are still free when the rows land.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await write(tables(conn));
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Brings a WordPress site's comments into the comment store: each post's comments threaded as
 * they were (one level, as the store keeps them), approved ones published, held ones in the
 * moderation queue, spam, trash, pingbacks, trackbacks and anything that is not a reader's
 * comment counted and left out (docs/decisions/024-imported-comments.md).
 *
 * Two steps. The posts are read and their comments prepared (text converted, fields cleaned,
 * threads placed) into a private temporary file; then everything is written in one
 * transaction, in batches. A failure anywhere (the iterable throws, the database refuses)
 * writes nothing. The same export imported again adds and changes nothing; a later export of
 * the same `source` changes what WordPress changed (status, text, author), and leaves alone
 * what a moderator did here to comments WordPress did not change, and any comment a
 * moderator deleted. Call it after the articles' files are in place: the comments name them.
 *
 * `source` names the site (the export's base_site_url; see sourceKey): WordPress comment ids
 * are unique within one site only. The database must be migrated (lib/comments/db.ts migrate).
 */
export async function importComments(
  db: Kysely<Database>,
  source: string,
  posts: AsyncIterable<PostComments> | Iterable<PostComments>,
  options: ImportOptions = {},
): Promise<CommentImportReport> {
  if (typeof source !== 'string' || source.trim() === '' || source.length > SOURCE_MAX) {
    throw new TypeError('comment import: the source must name the WordPress site');
  }
  const key = sourceKey(source);
  const counts: PrepareCounts = {
    spam: 0,
    trash: 0,
    pingbacks: 0,
    otherTypes: 0,
    rejected: 0,
    reparented: 0,
    flattened: 0,
  };
  const losses: CommentLoss[] = [];
  const seen = new Set<number>();
  const spool = new Spool();
  try {
    for await (const post of posts) {
      checkPost(post);
      if (post.comments.length === 0) continue;
      await spool.write(preparePost(post, seen, counts, losses));
    }
    const written = await inOneTransaction(db, async (trx) => {
      const writer = new StoreWriter(trx, key);
      await writer.start();
      for await (const post of spool.posts()) await writer.post(post);
      await writer.finish();
      if (options.dryRun) throw new RolledBack(writer.counts);
      return writer.counts;
    }).catch((error: unknown) => {
      if (error instanceof RolledBack) return error.counts;
      throw error;
    });
    return { ...written, ...counts, losses };
  } finally {
    spool.dispose();
  }
}
