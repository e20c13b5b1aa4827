import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchedFile } from './watched-file';

let dir: string;
let clock: number;
let reads: number;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'masthead-watched-'));
  clock = 0;
  reads = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => path.join(dir, 'current', 'routes.json');
function write(value: unknown, mtime = new Date()) {
  mkdirSync(path.dirname(file()), { recursive: true });
  writeFileSync(file(), JSON.stringify(value));
  utimesSync(file(), mtime, mtime);
}
const watch = () =>
  watchedFile(
    file,
    (text) => {
      reads += 1;
      return JSON.parse(text) as { v: number };
    },
    { intervalMs: 1000, now: () => clock },
  );

describe('watchedFile', () => {
  it('reads the file once, then again only when it has changed', () => {
    write({ v: 1 });
    const get = watch();
    expect(get()).toEqual({ v: 1 });
    clock += 5000;
    expect(get()).toEqual({ v: 1 });
    expect(reads).toBe(1);
    write({ v: 22 }, new Date(Date.now() + 60_000));
    clock += 5000;
    expect(get()).toEqual({ v: 22 });
    expect(reads).toBe(2);
  });

  it('looks at the file at most once an interval, however many requests ask', () => {
    write({ v: 1 });
    const get = watch();
    get();
    write({ v: 2 }, new Date(Date.now() + 60_000));
    clock += 999;
    expect(get()).toEqual({ v: 1 });
    clock += 1;
    expect(get()).toEqual({ v: 2 });
  });

  it('sees a directory swapped in whole, even with the same size and time', () => {
    const mtime = new Date('2026-01-01T00:00:00Z');
    write({ v: 1 }, mtime);
    const get = watch();
    expect(get()).toEqual({ v: 1 });
    const next = path.join(dir, 'next');
    mkdirSync(next);
    writeFileSync(path.join(next, 'routes.json'), JSON.stringify({ v: 2 }));
    utimesSync(path.join(next, 'routes.json'), mtime, mtime);
    rmSync(path.dirname(file()), { recursive: true });
    renameSync(next, path.dirname(file()));
    clock += 1000;
    expect(get()).toEqual({ v: 2 });
  });

  it('keeps the last good version while the file is missing or half written', () => {
    write({ v: 1 });
    const get = watch();
    get();
    rmSync(file());
    clock += 1000;
    expect(get()).toEqual({ v: 1 });
    writeFileSync(file(), '{"v": 2, "tru');
    clock += 1000;
    expect(get()).toEqual({ v: 1 });
    write({ v: 3 }, new Date(Date.now() + 60_000));
    clock += 1000;
    expect(get()).toEqual({ v: 3 });
  });

  it('gives nothing until the file has been readable once', () => {
    const get = watch();
    expect(get()).toBeUndefined();
    write({ v: 1 });
    clock += 1000;
    expect(get()).toEqual({ v: 1 });
  });
});
