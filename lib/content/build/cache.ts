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
import type { CompiledEntry } from './compile-task';

export const CACHE_DIR = path.join('.masthead', 'cache', 'compile');

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const cacheFile = (root: string, key: string) =>
  path.join(root, CACHE_DIR, key.slice(0, 2), `${key}.json`);

/** Written whole under a temporary name: a build killed mid-write leaves no half entry. */
export function writeCacheEntry(root: string, key: string, entry: CompiledEntry): void {
  const file = cacheFile(root, key);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, JSON.stringify(entry));
  renameSync(tmp, file);
}

/**
 * Compiled files by a hash of their source and of everything that decides how they compile
 * (the compiler's and plugins' versions, our own plugin code: see fingerprint.ts). A file is
 * compiled once per change; renaming it or reverting an edit costs nothing. Kept in
 * .masthead/cache between builds, and between CI runs if CI keeps that folder. The compiled
 * body itself is in the content store (compile-task.ts); an entry names it.
 */
export class CompileCache {
  private readonly used = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly fingerprint: string,
  ) {}

  key(source: string): string {
    return sha256(`${this.fingerprint}\u0000${source}`);
  }

  get(key: string): CompiledEntry | undefined {
    this.used.add(key);
    try {
      return JSON.parse(readFileSync(cacheFile(this.root, key), 'utf8')) as CompiledEntry;
    } catch {
      // Missing, or unreadable: compile again.
      return undefined;
    }
  }

  /** After a whole-archive build: entries no file uses any more go. */
  prune(): void {
    const dir = path.join(this.root, CACHE_DIR);
    if (!existsSync(dir)) return;
    for (const shard of readdirSync(dir)) {
      for (const name of readdirSync(path.join(dir, shard))) {
        if (!this.used.has(name.replace(/\.json$/, ''))) rmSync(path.join(dir, shard, name));
      }
    }
  }
}
