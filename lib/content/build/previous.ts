import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RelatedState } from '../related/rank';
import { currentVersionId, VERSION_FILES, versionDir, type VersionMeta } from '../store/layout';
import { readVersionMeta } from '../store/write';
import type { AuthorMeta, ContentIndex } from '../schema/types';
import type { DocSummary } from './compile';

/**
 * A file as the last build left it: its cache key, what the checks need, its body's name, and
 * its size and time then.
 */
export type SourceEntry = DocSummary & {
  key: string;
  body: string;
  size?: number;
  mtimeMs?: number;
};

/** Every file of a version as it was built, so the next build compiles only what changed. */
export type SourcesFile = { fingerprint: string; files: Record<string, SourceEntry> };

export type Previous = {
  meta: VersionMeta;
  index: ContentIndex;
  sources: SourcesFile;
  related: RelatedState;
  authors: Map<string, AuthorMeta>;
};

/**
 * The current version, to build the next one from; undefined when there is none, when it was
 * made by a different compiler (the fingerprint: then everything is compiled and ranked again),
 * or when any of its files cannot be read.
 */
export function readPrevious(root: string, fingerprint: string): Previous | undefined {
  const id = currentVersionId(root);
  if (!id) return undefined;
  const read = <T>(name: string) =>
    JSON.parse(readFileSync(path.join(versionDir(id, root), name), 'utf8')) as T;
  try {
    const meta = readVersionMeta(root, id);
    const sources = read<SourcesFile>(VERSION_FILES.sources);
    if (!meta || sources.fingerprint !== fingerprint) return undefined;
    const index = read<ContentIndex>(VERSION_FILES.index);
    return {
      meta,
      index,
      sources,
      related: read<RelatedState>(VERSION_FILES.related),
      authors: new Map(index.authors.map((a) => [a.id, a])),
    };
  } catch {
    return undefined;
  }
}
