import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ObtainResult } from '../pictures/obtain';
import { decide, sha256, type FileDecision } from './manifest';
import { count, type ImportReport } from './report';
import { resolveWritable } from './safe-path';
import type { Staging } from './staging';

const WHY: Record<Exclude<FileDecision, 'write' | 'unchanged'>, string> = {
  edited: 'changed since the last import (an editor’s change?)',
  deleted: 'deleted since the last import: not brought back',
  'not-ours': 'a file the newsroom made itself is at that place',
};

/**
 * Synchronous on purpose: on a first import every one of 10,000 files is missing, and the
 * promise API builds an error with a stack for each (4.5 s of the main thread in a profile);
 * `throwIfNoEntry: false` answers a missing file without one. Any other failure (a path
 * through a file, too long a name) reads as missing, as before.
 */
function hashOf(file: string): string | null {
  let info;
  try {
    info = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (info === undefined) return null;
  // A link or a folder where a file would go is never written through: it counts as changed.
  if (!info.isFile()) return 'not-a-file';
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Decides, file by file, what the import writes: each file is staged only when it is new, or
 * changed in the export and untouched here since the last import (or --force); the rest are
 * reported. Keeps the file list for the move and the hashes for the next manifest.
 */
export class FileWriter {
  /** Files staged, to move into place (relative to the site). */
  readonly toMove: string[] = [];
  /** The next manifest's files: what was written or found identical, or kept from the last. */
  readonly files: Record<string, string>;

  constructor(
    private readonly root: string,
    private readonly staging: Staging,
    private readonly previous: Readonly<Record<string, string>>,
    private readonly force: boolean,
    private readonly report: ImportReport,
  ) {
    this.files = { ...previous };
  }

  /** Stages `text` at `relative` if it should be written; returns what was decided. */
  async emit(relative: string, text: string, kind: string): Promise<FileDecision> {
    const next = sha256(text);
    const disk = hashOf(resolveWritable(this.root, relative));
    const decision = decide(this.previous[relative], disk, next, this.force);
    if (decision === 'write') {
      await this.staging.write(relative, text);
      this.toMove.push(relative);
      this.files[relative] = next;
      count(this.report, `${kind} ${disk === null ? 'written' : 'updated'}`);
      this.report.written.push(relative);
    } else if (decision === 'unchanged') {
      this.files[relative] = next;
      count(this.report, `${kind} unchanged`);
    } else {
      this.report.kept.push({ file: relative, why: WHY[decision] });
      count(this.report, `${kind} left as an editor has them`);
    }
    return decision;
  }

  /** Stages a file of the importer's own (the manifest), whatever is there now. */
  async stageOwn(relative: string, text: string): Promise<void> {
    await this.staging.write(relative, text);
    this.toMove.push(relative);
  }

  /** Records the pictures the picture step staged or found in place. */
  pictures(result: ObtainResult): void {
    for (const sitePath of result.obtained) {
      const relative = path.posix.join('public', sitePath);
      this.toMove.push(relative);
      this.report.written.push(relative);
    }
    for (const [sitePath, hash] of result.sha256)
      this.files[path.posix.join('public', sitePath)] = hash;
    for (const { sitePath, reason } of result.kept) {
      this.report.kept.push({ file: path.posix.join('public', sitePath), why: reason });
    }
    count(this.report, 'pictures written', result.obtained.length);
    count(this.report, 'pictures already in place', result.present.length);
  }
}
