import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations';
import { keptStatements } from './sqlite-statements';
import type { Database } from './types';

export type DbConfig = { databaseUrl?: string; sqlitePath: string };

/** PostgreSQL when DATABASE_URL is set; otherwise an SQLite file, data/comments.sqlite by default. */
export function configFromEnv(env: Partial<Record<string, string>> = process.env): DbConfig {
  return {
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    sqlitePath: env.COMMENTS_DB ?? path.join(process.cwd(), 'data', 'comments.sqlite'),
  };
}

/** A reader waits this long for PostgreSQL before being told to try again, not for ever. */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * The comments hold readers' email addresses: only the server's own user may read the file.
 * SQLite gives its -wal and -shm files the database file's mode, so creating the file 0600
 * before SQLite opens it covers all three; files from before this are tightened too.
 */
function privateFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  }
}

export function createDb(config: DbConfig): Kysely<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // A connection that PostgreSQL drops (a restart, a failover) emits 'error', and an 'error'
    // event nobody listens to ends the whole server. The pool listens only while a connection
    // is idle and removes its listener while one is checked out, so each connection gets its
    // own for its whole life; the query in flight rejects by itself and the pool reconnects.
    const lost = (error: Error) =>
      console.error('comments database: connection lost:', error.message);
    pool.on('error', lost);
    pool.on('connect', (client) => client.on('error', lost));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  privateFile(config.sqlitePath);
  const sqlite = new SQLite(config.sqlitePath);
  // WAL lets readers carry on while a comment is written; busy_timeout makes concurrent writers
  // (several build workers, several server processes) wait for the lock instead of failing.
  // exec, not pragma(): pragma() prepares a statement and drops it, which Node 24 may abort on
  // (see sqlite-statements.ts).
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: keptStatements(sqlite) }) });
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
