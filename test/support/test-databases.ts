import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDb, migrate } from '@/lib/comments/db';
import type { Database } from '@/lib/comments/types';

/**
 * The real databases the comment store runs on, for tests: an SQLite file, and PostgreSQL when
 * TEST_DATABASE_URL names one (command B starts a local server and sets it). Each database gets
 * its own file or schema, so test files can run side by side.
 */
export type TestDatabase = {
  name: string;
  open: () => Promise<{ db: Kysely<Database>; close: () => Promise<void> }>;
};

const sqlite: TestDatabase = {
  name: 'SQLite',
  open: async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-store-'));
    const db = createDb({ sqlitePath: path.join(dir, 'comments.sqlite') });
    await migrate(db);
    return {
      db,
      close: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** PostgreSQL at `url`, in a schema of its own per open, dropped on close (bench/ uses it too). */
export function postgresDatabase(url: string): TestDatabase {
  return {
    name: 'PostgreSQL',
    open: async () => {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      const db = createDb({ databaseUrl: scoped.toString(), sqlitePath: '' });
      await migrate(db);
      return {
        db,
        close: async () => {
          await db.destroy();
          await admin.query(`drop schema ${schema} cascade`);
          await admin.end();
        },
      };
    },
  };
}

export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export const testDatabases: TestDatabase[] = POSTGRES_URL
  ? [sqlite, postgresDatabase(POSTGRES_URL)]
  : [sqlite];
