// Vitest setup for every test file: better-sqlite3's native objects (databases, statements,
// iterators, backups) stay reachable until the test worker ends, so the garbage collector never
// destroys one.
//
// Why: better-sqlite3 12 builds on node::ObjectWrap, and in Node 24's headers its destructor
// removes an environment cleanup hook, which Node allows only while a JavaScript context is
// entered. V8 can collect an unreachable statement in a GC that runs outside any context (a
// platform task between callbacks, the last tasks of a worker's teardown), and the worker
// aborts: "Assertion failed: (env) != nullptr" in Statement::~Statement or Database::~Database
// (WiseLibs/better-sqlite3#1515, closed unfixed). Kysely prepares a statement for every query
// and drops it, so the comment store's tests leave thousands behind. better-sqlite3 13 (Node-API)
// is free of it but is compiled for Node-API 10, which no Node 20 has: `new Database()`
// segfaults there.
//
// Kept, nothing is destroyed until the worker ends, and Vitest ends a forks-pool worker with
// SIGTERM, which runs no destructor at all. A test file holds at most a few thousand statements.
import { createRequire } from 'node:module';
import path from 'node:path';

type NativeClass = { prototype: Record<string, unknown> } & (new (...args: unknown[]) => object);

const require = createRequire(import.meta.url);
const KEPT = Symbol.for('masthead.test.keep-sqlite-objects');

// The same file the library loads (through `bindings`): Node's require cache makes it the same
// exports object, whose Database the library reads at each `new Database()`.
const root = path.dirname(require.resolve('better-sqlite3/package.json'));
const addon = require(path.join(root, 'build', 'Release', 'better_sqlite3.node')) as Record<
  string | symbol,
  unknown
>;
// A worker that runs several files evaluates this module once per file: wrap once, keep in one set.
const kept = (addon[KEPT] as Set<object> | undefined) ?? new Set<object>();

function nativeClass(addon: Record<string | symbol, unknown>, name: string): NativeClass {
  const value = addon[name];
  if (typeof value !== 'function') throw new Error(`better-sqlite3: no native ${name}`);
  return value as NativeClass;
}

/** `owner[name]` keeps every object it returns. */
function keepResults(owner: Record<string, unknown>, name: string): void {
  const original = owner[name];
  if (typeof original !== 'function') throw new Error(`better-sqlite3: no native ${name}`);
  owner[name] = function kept_(this: object, ...args: unknown[]): unknown {
    const result: unknown = Reflect.apply(original, this, args);
    if (typeof result === 'object' && result !== null) kept.add(result);
    return result;
  };
}

/** Whether `object` is held for the worker's lifetime (for this module's own test). */
export function isKept(object: object): boolean {
  return kept.has(object);
}

if (addon[KEPT] === undefined) {
  const Database = nativeClass(addon, 'Database');
  keepResults(Database.prototype, 'prepare'); // prepare() and pragma() both come through here
  keepResults(Database.prototype, 'backup');
  keepResults(nativeClass(addon, 'Statement').prototype, 'iterate');
  addon.Database = new Proxy(Database, {
    construct: (target, args: unknown[]) => {
      const db: object = Reflect.construct(target, args);
      kept.add(db);
      return db;
    },
  });
  addon[KEPT] = kept;
}

// If the library loaded another binding than the one wrapped above, nothing would be kept and
// the aborts would be back: fail every test file instead.
const SQLite = require('better-sqlite3') as new (file: string) => {
  prepare: (sql: string) => object;
  close: () => void;
};
const probe = new SQLite(':memory:');
const statement = probe.prepare('select 1');
probe.close();
if (!kept.has(statement)) {
  throw new Error('keep-sqlite-objects: better-sqlite3 loads a binding this setup did not wrap');
}
