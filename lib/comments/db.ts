import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations';
import type { Database } from './types';

export type DbConfig = { databaseUrl?: string; sqlitePath: string };

/** PostgreSQL when DATABASE_URL is set; otherwise an SQLite file, data/comments.sqlite by default. */
export function configFromEnv(env: Partial<Record<string, string>> = process.env): DbConfig {
  return {
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    sqlitePath: env.COMMENTS_DB ?? path.join(process.cwd(), 'data', 'comments.sqlite'),
  };
}

export function createDb(config: DbConfig): Kysely<Database> {
  if (config.databaseUrl) {
    return new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: config.databaseUrl, max: 10 }),
      }),
    });
  }
  mkdirSync(path.dirname(config.sqlitePath), { recursive: true });
  const sqlite = new SQLite(config.sqlitePath);
  // WAL lets readers carry on while a comment is written; busy_timeout makes concurrent writers
  // (several build workers, several server processes) wait for the lock instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Comments database migration ${failed} failed: ${String(error)}`);
  }
}

let shared: Promise<Kysely<Database>> | undefined;

/** The process's database, created and migrated on first use. */
export function getDb(): Promise<Kysely<Database>> {
  shared ??= (async () => {
    const db = createDb(configFromEnv());
    await migrate(db);
    return db;
  })().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
