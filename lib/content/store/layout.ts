import { readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Where compiled content lives, shared by the content build that writes it and every server
 * process that reads it:
 *
 *   .masthead/content/current          → versions/<id>, swapped in one rename
 *   .masthead/content/versions/<id>/   index.json, routes.json, search changes, build state
 *   .masthead/content/bodies/<hash>.json  compiled bodies, shared by every version that has them
 *
 * A version is written whole before `current` points at it, so a reader only ever sees a
 * complete one; bodies are named by their content, so a publish writes only the bodies that
 * changed. This is data published while the server runs, not part of the build: the
 * `turbopackIgnore` marks keep Next's file tracing from sweeping tens of thousands of files
 * into the build (at 10,000 articles that cost `next build` half a minute).
 */
export const CONTENT_DIR = '.masthead/content';

/**
 * MASTHEAD_CONTENT_DIR puts the store elsewhere: on a volume every instance mounts, so that a
 * publish written by one machine is what all of them read (docs/decisions/015).
 */
export const contentDir = (root = process.cwd()) =>
  process.env.MASTHEAD_CONTENT_DIR
    ? path.resolve(/* turbopackIgnore: true */ process.env.MASTHEAD_CONTENT_DIR)
    : path.join(/* turbopackIgnore: true */ root, CONTENT_DIR);

export const versionDir = (id: string, root = process.cwd()) =>
  path.join(/* turbopackIgnore: true */ contentDir(root), 'versions', id);

export const bodyFile = (hash: string, root = process.cwd()) =>
  path.join(
    /* turbopackIgnore: true */ contentDir(root),
    'bodies',
    hash.slice(0, 2),
    `${hash}.json`,
  );

export const CURRENT = 'current';

/** The files of one version. */
export const VERSION_FILES = {
  index: 'index.json',
  routes: 'routes.json',
  /** Old addresses and their Locations, for the proxy (lib/content/redirects/check.ts). */
  redirects: 'redirects.json',
  meta: 'version.json',
  /** The full search index, when this version has one written. */
  search: 'search.json',
  /** What changed in the search index since the previous version. */
  searchChanges: 'search-changes.json',
  /** What the next incremental build needs: source hashes, related-ranking state. */
  sources: 'sources.json',
  related: 'related.json',
} as const;

/** The id of the version readers see now, or undefined before the first content build. */
export function currentVersionId(root = process.cwd()): string | undefined {
  try {
    return path.basename(readlinkSync(path.join(contentDir(root), CURRENT)));
  } catch {
    return undefined;
  }
}

/** Facts about a version, written last, read by the publish endpoint and by operators. */
export type VersionMeta = {
  id: string;
  /** The version this one was built from, for replaying search changes. */
  previous?: string;
  createdAt: string;
  /** The commit it was built from, when the content is a git checkout. */
  commit?: string;
  /** Whether this version has search.json, or only the changes since `previous`. */
  fullSearch: boolean;
  articles: number;
  changed: { added: string[]; edited: string[]; removed: string[] };
};
