import { existsSync } from 'node:fs';
import { bodyFile } from '../store/layout';
import { writeBodies } from '../store/write';
import { CACHE_DIR, cacheFile, sha256, writeCacheEntry } from './cache';
import { compileDocument, type DocSummary } from './compile';

/** A compiled file as the build holds it: its body is on disk under `body`, not in memory. */
export type CompiledEntry = DocSummary & { key: string; body: string; text: string };

export type CompileTask = { root: string; key: string; text: string };

export const bodyHash = (code: string) => sha256(code).slice(0, 32);

/**
 * Compiles one file and keeps the result: the body in the content store (named by its hash,
 * so a body already there is the same body) and everything else in the compile cache. Runs on
 * a worker thread, so the thread that started the build never holds or copies compiled code.
 */
export async function compileAndStore({ root, key, text }: CompileTask): Promise<CompiledEntry> {
  const { code, ...summary } = await compileDocument(text);
  const body = code === null ? '' : bodyHash(code);
  if (code !== null) writeBodies(root, new Map([[body, code]]));
  const entry: CompiledEntry = { ...summary, key, body };
  writeCacheEntry(root, key, entry);
  return entry;
}

/** A cache entry whose body is still in the store; a body collected since means compile again. */
export function usable(root: string, entry: CompiledEntry | undefined): entry is CompiledEntry {
  if (entry === undefined || typeof entry.body !== 'string') return false;
  return entry.body === '' || existsSync(bodyFile(entry.body, root));
}

export { CACHE_DIR, cacheFile };
