// The SQLite database as Kysely sees it: one prepared statement per SQL text, and every native
// object better-sqlite3 hands out kept reachable for as long as the process lives.
//
// Why: better-sqlite3 12 builds on node::ObjectWrap, whose destructor in Node 24's headers removes
// an environment cleanup hook, which Node allows only while a JavaScript context is entered. V8
// runs many collections outside any context (a scavenge or memory-reducer task between two
// callbacks, while a request or a fetch is awaited), and collecting an unreachable Statement or
// Database there aborts the whole process: "Assertion failed: (env) != nullptr" in
// Statement::~Statement (WiseLibs/better-sqlite3#1515, closed unfixed). It is not an exit-time
// matter: measured on Node 24.21, `npm run comments` aborted while awaiting its refresh request
// (21 runs of 40), and a script running 600 queries aborted before the last one (3 of 3).
// Kysely's own SqliteDialect prepares a statement for every query and drops it, so a server
// would leave thousands behind. better-sqlite3 13 (Node-API) is free of it but needs Node-API 10,
// which no Node 20 has. Nothing here is ever collected, so no destructor runs before the process
// ends; `process.exit` runs none, and a process that ends by itself runs them inside its context.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Distinct SQL texts one database may prepare. The comments code has a few dozen; `in (…)` lists
 * add one text per list length, and the lists come from the moderation page (at most 200 rows)
 * or a moderator's command line. A text past this bound is refused rather than prepared and kept,
 * so hostile list lengths cannot grow the process's memory without end.
 */
export const MAX_STATEMENTS = 1_000;

// Every database handed out, with its statements: after `close()` too, since a closed
// statement's destructor still removes its cleanup hook.
const kept = new Set<object>();

/** `database` for Kysely's SqliteDialect: statements reused by SQL text and never dropped. */
export function keptStatements(
  database: BetterSqlite3.Database,
  limit: number = MAX_STATEMENTS,
): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  kept.add(database).add(statements);
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const known = statements.get(sql);
      if (known) return known;
      if (statements.size >= limit) {
        throw new Error(`comments database: more than ${limit} distinct SQL statements; refused`);
      }
      const statement = database.prepare<unknown[]>(sql);
      const shared: SqliteStatement = {
        reader: statement.reader,
        all: (parameters) => statement.all(...parameters),
        run: (parameters) => statement.run(...parameters),
        // Rows are read at once instead of through a native iterator: an iterator is one more
        // object to keep, and it would leave the shared statement busy while it is open.
        iterate: (parameters) => statement.all(...parameters)[Symbol.iterator](),
      };
      statements.set(sql, shared);
      return shared;
    },
  };
}
