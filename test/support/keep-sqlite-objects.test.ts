import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isKept } from './keep-sqlite-objects';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('keep-sqlite-objects (the Vitest setup that keeps better-sqlite3 objects from the GC)', () => {
  it('holds each database, statement and iterator a test makes (and backups still run)', async () => {
    const db = new SQLite(':memory:');
    const statement = db.prepare('select 1 as one');
    const iterator = statement.iterate();
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-keep-'));
    dirs.push(dir);
    iterator.return?.();
    await db.backup(path.join(dir, 'copy.sqlite'));
    db.close();
    expect(isKept(statement)).toBe(true);
    expect(isKept(iterator)).toBe(true);
    // The database's native half lives behind a symbol; the JS Database object is not native.
    const natives = Object.getOwnPropertySymbols(db).map((s) => Reflect.get(db, s) as unknown);
    expect(natives.some((n) => typeof n === 'object' && n !== null && isKept(n))).toBe(true);
  });

  it('does not hold what is not better-sqlite3', () => {
    expect(isKept({})).toBe(false);
  });
});
