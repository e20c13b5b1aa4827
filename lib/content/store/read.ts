import { readFileSync } from 'node:fs';
import path from 'node:path';
import { currentVersionId, VERSION_FILES, versionDir, type VersionMeta } from './layout';

/**
 * One file of the current content version, parsed once per version. Every call looks at where
 * `current` points (one readlink, a few microseconds), so a publish reaches every process on
 * this disk at the next request, with nothing to restart. A version that cannot be read (a
 * half-deleted folder, a bad file) keeps the one read before: a publish gone wrong must not
 * turn the site into errors. Undefined only before the first content build.
 */
export function versionedFile<T>(
  name: string,
  parse: (text: string, versionId: string) => T,
  { missing }: { missing?: () => T } = {},
): () => { id: string; value: T } | undefined {
  let cached: { id: string; value: T } | undefined;
  let failed: string | undefined;
  return () => {
    const id = currentVersionId();
    if (id === undefined || id === cached?.id || id === failed) return cached;
    try {
      cached = { id, value: parse(readFileSync(path.join(versionDir(id), name), 'utf8'), id) };
      failed = undefined;
    } catch (error) {
      // A file versions written before it existed do not have: `missing` says what that means.
      if (missing && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        cached = { id, value: missing() };
        failed = undefined;
        return cached;
      }
      failed = id;
      console.error(`content: version ${id} could not be read (${String(error)}); kept the last`);
    }
    return cached;
  };
}

export function readVersionMeta(root: string, id: string): VersionMeta | undefined {
  try {
    return JSON.parse(
      readFileSync(path.join(versionDir(id, root), VERSION_FILES.meta), 'utf8'),
    ) as VersionMeta;
  } catch {
    return undefined;
  }
}
