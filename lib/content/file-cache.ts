import { readFileSync, statSync } from 'node:fs';

/**
 * A file the content build writes, parsed once per process. In development contentlayer2
 * rewrites it on every save, so there it is read again whenever its modification time changes.
 */
export function fileCache<T>(file: () => string, parse: (text: string) => T): () => T {
  let cached: { mtimeMs: number; value: T } | undefined;
  return () => {
    if (cached && process.env.NODE_ENV === 'production') return cached.value;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file()).mtimeMs;
    } catch {
      throw new Error(`No ${file()}. Run \`npm run content\` (contentlayer2 build) first.`);
    }
    if (!cached || cached.mtimeMs !== mtimeMs)
      cached = { mtimeMs, value: parse(readFileSync(file(), 'utf8')) };
    return cached.value;
  };
}
