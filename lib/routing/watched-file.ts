import { readFileSync, statSync } from 'node:fs';

/**
 * A file parsed once and parsed again when it changes, looked at no more than once every
 * `intervalMs`: the content build rewrites its output in development, and content will be
 * published into running servers, so no process may keep the first version for ever. Unlike
 * lib/content/file-cache.ts, production is no exception. Returns undefined while the file
 * cannot be read or parsed, unless an earlier version could: a half-swapped directory must not
 * turn the whole site into 404s.
 */
export function watchedFile<T>(
  file: () => string,
  parse: (text: string) => T,
  { intervalMs = 1000, now = () => Date.now() } = {},
): () => T | undefined {
  let value: T | undefined;
  let version = '';
  let checkedAt = -Infinity;
  return () => {
    const at = now();
    if (at - checkedAt < intervalMs) return value;
    checkedAt = at;
    try {
      const stat = statSync(file());
      // The build swaps in a new directory: a new inode even when size and time repeat.
      const seen = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
      if (seen !== version) {
        value = parse(readFileSync(file(), 'utf8'));
        version = seen;
      }
    } catch {
      // Keep what was read last; the next look may find the file complete again.
    }
    return value;
  };
}
