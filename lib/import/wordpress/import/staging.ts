import { randomBytes } from 'node:crypto';
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { lstat, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkNoLinks, resolveWritable } from './safe-path';

/** Where imports stage their files: beside the site's build data, on the same disk as content/. */
export const STAGING_DIR = '.masthead/import';

type Moved = { relative: string; backup: string | null };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A private copy of everything an import writes, moved into content/ and public/ only when all
 * of it is ready: an import that fails before the move leaves the site untouched, and one that
 * fails during it (or after, when the comments cannot be written) is undone from the backups
 * the move keeps. The journal on disk lets the next import undo one a crash interrupted.
 */
export class Staging {
  readonly dir: string;
  /** Mirrors the site's folder: files/content/…, files/public/…. */
  readonly files: string;
  private readonly backups: string;
  private readonly journal: string;
  private readonly lock: string;
  private moved: Moved[] = [];
  private createdDirs: string[] = [];
  /** Folders of the site checked and made during the commit, and made in the staging copy. */
  private readonly readyDirs = new Set<string>();
  private readonly stagedDirs = new Set<string>();

  private constructor(
    private readonly base: string,
    parent: string,
  ) {
    this.dir = path.join(parent, `run-${Date.now()}-${randomBytes(4).toString('hex')}`);
    this.files = path.join(this.dir, 'files');
    this.backups = path.join(this.dir, 'backup');
    this.journal = path.join(this.dir, 'journal.jsonl');
    this.lock = path.join(parent, 'lock');
  }

  /**
   * A staging folder under `parent` (default <base>/.masthead/import) for the site at `base`.
   * Takes the import lock, and first undoes an import a crash left half-moved. Throws when
   * another import holds the lock.
   */
  static async open(base: string, parent = path.join(base, STAGING_DIR)): Promise<Staging> {
    await mkdir(parent, { recursive: true });
    const staging = new Staging(base, parent);
    staging.takeLock();
    await Staging.recover(base, parent);
    await mkdir(staging.files, { recursive: true });
    return staging;
  }

  /**
   * The lock holds the importing process's id: a lock left by a process that no longer runs
   * (a crash, a kill) is taken over, and that import's half-done move is undone by `recover`.
   */
  private takeLock(): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lock, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return;
      } catch {
        const pid = Number(readFileSync(this.lock, 'utf8').trim());
        if (Number.isSafeInteger(pid) && pid > 0 && isRunning(pid)) break;
        rmSync(this.lock, { force: true });
      }
    }
    throw new Error(
      `another import is running (${path.relative(this.base, this.lock)} names process ${readFileSync(this.lock, 'utf8').trim().slice(0, 20)})`,
    );
  }

  /** Writes one file into the staging copy at its place relative to the site. */
  async write(relative: string, data: string | Uint8Array): Promise<void> {
    const full = path.join(
      this.files,
      path.relative(this.base, resolveWritable(this.base, relative)),
    );
    const dir = path.dirname(full);
    if (!this.stagedDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.stagedDirs.add(dir);
    }
    await writeFile(full, data);
  }

  /**
   * Moves the staged files into place, each one replacing what was there (kept as a backup).
   * On any failure everything moved so far is put back, and the error is thrown.
   */
  async commit(relatives: readonly string[]): Promise<void> {
    const journal = openSync(this.journal, 'a');
    try {
      for (const relative of relatives) await this.moveOne(relative, journal);
    } catch (error) {
      await this.undo();
      throw error;
    } finally {
      closeSync(journal);
    }
  }

  private async moveOne(relative: string, journal: number): Promise<void> {
    const target = resolveWritable(this.base, relative);
    const staged = path.join(this.files, relative);
    // Each folder is checked (no links on the way) and made once: 30,000 files share a few.
    const dir = path.dirname(target);
    if (!this.readyDirs.has(dir)) {
      await checkNoLinks(this.base, relative);
      await this.makeParents(dir);
      this.readyDirs.add(dir);
    }
    // The moves themselves are synchronous: tens of thousands of renames, each a few
    // microseconds in the kernel, cost a quarter of the time without a trip through libuv's
    // threads and a promise for each (measured: 30,000 in 0.7 s against 2.6 s).
    let exists = true;
    try {
      lstatSync(target);
    } catch {
      // Nothing there (or nothing it can see): the rename below says if it cannot write.
      exists = false;
    }
    const backup = exists ? path.join(this.backups, relative) : null;
    // Written before the move it describes: a crash after it leaves enough to undo.
    writeSync(journal, `${JSON.stringify({ relative, backup })}\n`);
    if (backup) {
      mkdirSync(path.dirname(backup), { recursive: true });
      renameSync(target, backup);
    }
    this.moved.push({ relative, backup });
    renameSync(staged, target);
  }

  private async makeParents(dir: string): Promise<void> {
    const missing: string[] = [];
    for (let current = dir; (await lstat(current).catch(() => null)) === null;) {
      missing.unshift(current);
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const folder of missing) {
      await mkdir(folder);
      this.createdDirs.push(folder);
    }
  }

  /** Puts back every file the commit moved, newest first, and removes folders it made. */
  async undo(): Promise<void> {
    await Staging.putBack(this.base, this.moved);
    for (const folder of this.createdDirs.reverse()) await rmdir(folder).catch(() => undefined);
    this.moved = [];
    this.createdDirs = [];
    this.readyDirs.clear();
  }

  /** Marks the import finished: from now on nothing undoes its move, not even a crash. */
  async finish(): Promise<void> {
    await writeFile(path.join(this.dir, 'done'), '');
  }

  /** Removes the staging folder and the lock; the move, if finished, stands. */
  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await rm(this.lock, { force: true });
  }

  private static async putBack(base: string, moved: readonly Moved[]): Promise<void> {
    for (const { relative, backup } of [...moved].reverse()) {
      let target: string;
      try {
        target = resolveWritable(base, relative);
      } catch {
        continue;
      }
      if (backup) await rename(backup, target).catch(() => undefined);
      else await rm(target, { force: true });
    }
  }

  /** Undoes the moves of an import that never finished (its journal is still there). */
  private static async recover(base: string, parent: string): Promise<void> {
    for (const entry of await readdir(parent, { withFileTypes: true })) {
      if (!entry.isDirectory() || !entry.name.startsWith('run-')) continue;
      const dir = path.join(parent, entry.name);
      if ((await lstat(path.join(dir, 'done')).catch(() => null)) !== null) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      const journal = path.join(dir, 'journal.jsonl');
      const lines = (() => {
        try {
          return readFileSync(journal, 'utf8').split('\n').filter(Boolean);
        } catch {
          return [];
        }
      })();
      const moved = lines.flatMap((line) => {
        try {
          return [JSON.parse(line) as Moved];
        } catch {
          return [];
        }
      });
      await Staging.putBack(base, moved);
      await rm(dir, { recursive: true, force: true });
    }
  }
}
