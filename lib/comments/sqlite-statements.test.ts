import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { MAX_STATEMENTS, keptStatements } from './sqlite-statements';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'masthead-statements-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Table = { t: { id: number; v: string } };

function open(limit?: number) {
  const database = new SQLite(path.join(dir, 'db.sqlite'));
  database.exec('create table t (id integer primary key, v text)');
  const kept = keptStatements(database, limit);
  return { kept, db: new Kysely<Table>({ dialect: new SqliteDialect({ database: kept }) }) };
}

describe('the SQLite database given to Kysely', () => {
  it('prepares each SQL text once and binds each run afresh', async () => {
    const { kept, db } = open();
    expect(kept.prepare('select v from t where id = ?')).toBe(
      kept.prepare('select v from t where id = ?'),
    );
    await db.insertInto('t').values({ id: 1, v: 'one' }).execute();
    await db.insertInto('t').values({ id: 2, v: 'two' }).execute();
    const byId = (id: number) => db.selectFrom('t').select('v').where('id', '=', id).execute();
    expect(await byId(1)).toEqual([{ v: 'one' }]);
    expect(await byId(2)).toEqual([{ v: 'two' }]);
    const changed = await db.updateTable('t').set({ v: 'uno' }).where('id', '=', 1).execute();
    expect(changed[0]?.numUpdatedRows).toBe(1n);
    await db.destroy();
  });

  it('streams without leaving the shared statement busy', async () => {
    const { kept, db } = open();
    await db
      .insertInto('t')
      .values([1, 2, 3].map((id) => ({ id, v: `v${id}` })))
      .execute();
    const seen: number[] = [];
    for await (const row of db.selectFrom('t').select('id').orderBy('id').stream()) {
      seen.push(row.id);
    }
    expect(seen).toEqual([1, 2, 3]);
    // A native iterator would hold the statement: running the same text while one is open threw
    // "This statement is busy executing a query".
    const statement = kept.prepare('select id from t order by id');
    const rows = statement.iterate([]);
    expect(rows.next().value).toEqual({ id: 1 });
    expect(statement.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ id: 2 }, { id: 3 }]);
    await db.destroy();
  });

  it(`refuses SQL texts past ${MAX_STATEMENTS}: hostile in-list lengths cannot grow memory`, async () => {
    const { db } = open();
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const deleteIn = (n: number) => db.deleteFrom('t').where('id', 'in', ids(n)).execute();
    // A few texts are already prepared by then (none here: the table came from exec).
    for (let n = 1; n <= MAX_STATEMENTS; n++) await deleteIn(n);
    await expect(deleteIn(MAX_STATEMENTS + 1)).rejects.toThrow(/distinct SQL statements; refused/);
    // Texts already prepared still run.
    await expect(deleteIn(7)).resolves.toBeDefined();
    await expect(sql`select 1`.execute(db)).rejects.toThrow(/refused/);
    await db.destroy();
  });

  // In a child process, because this test runner keeps every native object for its own reasons
  // (test/support/keep-sqlite-objects.ts): there, the collector could never take one.
  it('leaves no statement for the garbage collector, even after destroy()', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const addon = require('better-sqlite3/build/Release/better_sqlite3.node');
      let created = 0, collected = 0;
      const registry = new FinalizationRegistry(() => collected++);
      const prepare = addon.Database.prototype.prepare;
      addon.Database.prototype.prepare = function (...args) {
        const statement = prepare.apply(this, args);
        created++;
        registry.register(statement, 0);
        return statement;
      };
      const { createDb, migrate } = await import('./lib/comments/db.ts');
      const store = await import('./lib/comments/store.ts');
      const db = createDb({ sqlitePath: process.argv[1] });
      await migrate(db);
      for (let i = 0; i < 100; i++) {
        await store.listForModeration(db, 'pending');
        await store.setStatus(db, [1, 2, 3].slice(0, 1 + (i % 3)), 'spam');
        await store.countByStatus(db);
      }
      await db.destroy();
      for (let i = 0; i < 5; i++) {
        globalThis.gc();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      console.log(JSON.stringify({ created, collected }));
    `;
    const { stdout } = await run(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        '--conditions=react-server',
        '--input-type=module',
        '--eval',
        script,
        path.join(dir, 'comments.sqlite'),
      ],
      { cwd: root },
    );
    const { created, collected } = JSON.parse(stdout) as { created: number; collected: number };
    expect(collected).toBe(0);
    // The loop ran 300 queries; before this module each prepared its own statement.
    expect(created).toBeGreaterThan(5);
    expect(created).toBeLessThan(100);
  }, 30_000);
});
