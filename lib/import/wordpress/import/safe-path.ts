import { lstat } from 'node:fs/promises';
import path from 'node:path';

/** The two folders an import may write into (the comment store is the third place it writes). */
export const WRITABLE_ROOTS = ['content', 'public'] as const;

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/;
/** Deeper than anything the importer makes (nested pages, upload folders). */
const MAX_SEGMENTS = 24;
const MAX_LENGTH = 1_024;

/**
 * Whether a path the importer is about to write is one it could have made: relative, under
 * content/ or public/, every segment plain (letters, digits, `._-`, no leading dot, no `..`,
 * no NUL, no backslash), bounded in depth and length. Slugs are already clean by the time they
 * make a path; this is the last gate before the file system, so that no bug upstream and no
 * export, however hostile, can write anywhere else.
 */
export function isWritablePath(relative: string): boolean {
  if (relative.length === 0 || relative.length > MAX_LENGTH) return false;
  const segments = relative.split('/');
  const [root] = segments;
  if (!WRITABLE_ROOTS.some((allowed) => allowed === root)) return false;
  if (segments.length < 2 || segments.length > MAX_SEGMENTS) return false;
  // `.import` is the one dot-folder: the manifest's own.
  return segments.every(
    (segment, i) => SEGMENT.test(segment) || (i === 1 && segment === '.import'),
  );
}

export class UnsafePathError extends Error {
  constructor(relative: string, why: string) {
    super(`refused to write ${JSON.stringify(relative.slice(0, 200))}: ${why}`);
    this.name = 'UnsafePathError';
  }
}

/**
 * The absolute path of a writable relative path under `base`, after checking it again, and
 * that it resolves inside `base/<root>`.
 */
export function resolveWritable(base: string, relative: string): string {
  if (!isWritablePath(relative)) throw new UnsafePathError(relative, 'not a path the import makes');
  const root = path.resolve(base, relative.split('/')[0] ?? '');
  const full = path.resolve(base, relative);
  if (!full.startsWith(root + path.sep)) throw new UnsafePathError(relative, 'outside its folder');
  return full;
}

/**
 * Refuses to write through a link: each folder between content/ (or public/) and the file
 * must be a real folder or not exist yet. A link the newsroom put there could point anywhere.
 */
export async function checkNoLinks(base: string, relative: string): Promise<void> {
  const segments = relative.split('/').slice(0, -1);
  let current = path.resolve(base, segments[0] ?? '');
  for (const segment of segments.slice(1)) {
    current = path.join(current, segment);
    const info = await lstat(current).catch(() => null);
    if (info === null) return;
    if (info.isSymbolicLink()) {
      throw new UnsafePathError(relative, `${path.relative(base, current)} is a symbolic link`);
    }
    if (!info.isDirectory()) {
      throw new UnsafePathError(relative, `${path.relative(base, current)} is not a folder`);
    }
  }
}
