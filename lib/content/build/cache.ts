import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { CompiledDocument } from './compile';

export const CACHE_DIR = path.join('.masthead', 'cache', 'compile');

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Compiled documents by a hash of their source and of everything that decides how they compile
 * (the compiler's and plugins' versions, our own plugin code: see fingerprint.ts). A file is
 * compiled once per change; renaming it or reverting an edit costs nothing. Kept in
 * .masthead/cache between builds, and between CI runs if CI keeps that folder.
 */
export class CompileCache {
  private readonly dir: string;
  private readonly used = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(
    root: string,
    private readonly fingerprint: string,
  ) {
    this.dir = path.join(root, CACHE_DIR);
  }

  key(source: string): string {
    return sha256(`${this.fingerprint}\u0000${source}`);
  }

  private file(key: string) {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): CompiledDocument | undefined {
    this.used.add(key);
    try {
      const doc = JSON.parse(readFileSync(this.file(key), 'utf8')) as CompiledDocument;
      this.hits += 1;
      return doc;
    } catch {
      // Missing, or a half-written entry from a build that was killed: compile again.
      this.misses += 1;
      return undefined;
    }
  }

  set(key: string, doc: CompiledDocument): void {
    this.used.add(key);
    const file = this.file(key);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(doc));
    renameSync(tmp, file);
  }

  /** After a whole-archive build: entries no file uses any more go. */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const shard of readdirSync(this.dir)) {
      for (const name of readdirSync(path.join(this.dir, shard))) {
        if (!this.used.has(name.replace(/\.json$/, ''))) rmSync(path.join(this.dir, shard, name));
      }
    }
  }
}
