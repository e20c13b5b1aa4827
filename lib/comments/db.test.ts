import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, migrate } from './db';

describe('the SQLite comments file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'masthead-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const mode = (file: string) => statSync(file).mode & 0o777;

  it('is created readable by the server user only, with its WAL and shared memory', async () => {
    const previous = process.umask(0o022);
    try {
      const file = path.join(dir, 'data', 'comments.sqlite');
      const db = createDb({ sqlitePath: file });
      await migrate(db);
      for (const suffix of ['', '-wal', '-shm']) expect(mode(file + suffix)).toBe(0o600);
      expect(mode(path.dirname(file))).toBe(0o700);
      await db.destroy();
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a file created world-readable before this check existed', async () => {
    const file = path.join(dir, 'comments.sqlite');
    writeFileSync(file, '', { mode: 0o644 });
    const db = createDb({ sqlitePath: file });
    await migrate(db);
    expect(mode(file)).toBe(0o600);
    await db.destroy();
  });
});
