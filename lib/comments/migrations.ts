import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

/**
 * One schema, one list of migrations, for both SQLite and PostgreSQL. Append new migrations;
 * never edit one that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '001-comments': {
    async up(db: Kysely<unknown>) {
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      await db.schema
        .createTable('comments')
        .addColumn('id', postgres ? 'serial' : 'integer', (col) =>
          postgres ? col.primaryKey() : col.primaryKey().autoIncrement(),
        )
        .addColumn('article_slug', 'text', (col) => col.notNull())
        .addColumn('parent_id', 'integer', (col) =>
          col.references('comments.id').onDelete('cascade'),
        )
        .addColumn('author_name', 'text', (col) => col.notNull())
        .addColumn('author_email', 'text', (col) => col.notNull())
        .addColumn('author_url', 'text')
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) =>
          col.notNull().check(sql`status in ('pending', 'approved', 'spam', 'trash')`),
        )
        .addColumn('held_reason', 'text')
        .addColumn('ip_hash', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      // The article page reads approved comments of one article, oldest first.
      await db.schema
        .createIndex('comments_article')
        .on('comments')
        .columns(['article_slug', 'status', 'created_at'])
        .execute();
      // The moderation list, the rate limit and the "approved before?" check.
      await db.schema
        .createIndex('comments_status')
        .on('comments')
        .columns(['status', 'created_at'])
        .execute();
      await db.schema
        .createIndex('comments_ip')
        .on('comments')
        .columns(['ip_hash', 'created_at'])
        .execute();
      await db.schema
        .createIndex('comments_email')
        .on('comments')
        .columns(['author_email', 'status'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('comments').execute();
    },
  },
  // Moderators' sessions, so that signing out ends one for good (lib/admin/session.ts).
  '002-admin-sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('admin_sessions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('admin_sessions_expires')
        .on('admin_sessions')
        .column('expires_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('admin_sessions').execute();
    },
  },
  // Push deliveries received, so a redelivered push publishes nothing (lib/publish/deliveries.ts).
  '003-publish-deliveries': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('publish_deliveries')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('received_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('publish_deliveries_received')
        .on('publish_deliveries')
        .column('received_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('publish_deliveries').execute();
    },
  },
  // WordPress comments imported, and what each became here (lib/import/wordpress/comments.ts).
  '004-imported-comments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('imported_comments')
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('wp_id', 'bigint', (col) => col.notNull())
        .addColumn('wp_post_id', 'bigint', (col) => col.notNull())
        // A moderator who deletes an imported comment here deletes it for good: the row stays,
        // empty, so importing again does not bring it back.
        .addColumn('comment_id', 'integer', (col) =>
          col.references('comments.id').onDelete('set null'),
        )
        .addColumn('wp_status', 'text', (col) => col.notNull())
        .addColumn('digest', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('imported_comments_key', ['source', 'wp_id'])
        .execute();
      // The importer reads one post's comments at a time.
      await db.schema
        .createIndex('imported_comments_post')
        .on('imported_comments')
        .columns(['source', 'wp_post_id'])
        .execute();
      // Deleting a comment looks here for rows to empty; without it every delete reads them all.
      await db.schema
        .createIndex('imported_comments_comment')
        .on('imported_comments')
        .column('comment_id')
        .execute();
      // And for its replies, to delete them with it. An import makes the table hundreds of
      // thousands of rows long; without this, deleting 100,000 rows took over 15 minutes.
      await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('comments_parent').execute();
      await db.schema.dropTable('imported_comments').execute();
    },
  },
};
