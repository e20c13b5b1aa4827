import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { readVersionMeta } from './read';
import {
  bodyFile,
  contentDir,
  CURRENT,
  currentVersionId,
  VERSION_FILES,
  versionDir,
  type VersionMeta,
} from './layout';

export { readVersionMeta };

let lastMs = 0;

/**
 * Sortable by time, unique across processes. Garbage collection keeps the newest by name, so two
 * versions made in one millisecond (tests do) must still sort in the order they were made.
 */
export function newVersionId(now = new Date()): string {
  const ms = Math.max(now.getTime(), lastMs + 1);
  lastMs = ms;
  const stamp = new Date(ms).toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Bodies named by their content: a body that exists already is the same body. */
export function writeBodies(root: string, bodies: Map<string, string>): number {
  let written = 0;
  for (const [hash, code] of bodies) {
    const file = bodyFile(hash, root);
    if (existsSync(file)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    // Worker threads share the pid: the random part keeps two of them off one name.
    const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, JSON.stringify({ code }));
    renameSync(tmp, file);
    written += 1;
  }
  return written;
}

/**
 * Writes a version whole under a temporary name, renames it into place, then points `current`
 * at it with one more rename: readers see the old version or the new one, never a mixture.
 * `files` are the version's files by name, already serialised.
 */
export function writeVersion(root: string, meta: VersionMeta, files: Record<string, string>): void {
  const dir = versionDir(meta.id, root);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(tmp, name), text);
  // Written last: a version folder with its meta file is complete.
  writeFileSync(path.join(tmp, VERSION_FILES.meta), JSON.stringify(meta));
  renameSync(tmp, dir);
  pointCurrentAt(root, meta.id);
}

export function pointCurrentAt(root: string, id: string): void {
  const link = path.join(contentDir(root), CURRENT);
  const tmp = `${link}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  symlinkSync(path.join('versions', id), tmp);
  renameSync(tmp, link);
}

/** A file of a version, added after it went live (a search index written once readers have it). */
export function addVersionFile(root: string, id: string, name: string, text: string): void {
  const file = path.join(versionDir(id, root), name);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Versions kept behind the current one: enough for servers still switching, and to go back. */
const KEEP = 5;

/** What a version older than those kept whole still needs: its part in replaying search. */
const REPLAY_FILES = new Set<string>([
  VERSION_FILES.meta,
  VERSION_FILES.searchChanges,
  VERSION_FILES.search,
]);

/** The versions from `id` back to the newest one with a full search index, both included. */
export function searchChain(root: string, id: string | undefined): Set<string> {
  const chain = new Set<string>();
  for (let cursor = id; cursor && !chain.has(cursor);) {
    chain.add(cursor);
    const meta = readVersionMeta(root, cursor);
    if (!meta || meta.fullSearch) break;
    cursor = meta.previous;
  }
  return chain;
}

/**
 * Gives a version its full search index once readers have it, and says so in its meta, so the
 * chain a cold server replays starts again from there.
 */
export function addFullSearch(root: string, id: string, index: string): void {
  addVersionFile(root, id, VERSION_FILES.search, index);
  const meta = readVersionMeta(root, id);
  if (meta)
    addVersionFile(root, id, VERSION_FILES.meta, JSON.stringify({ ...meta, fullSearch: true }));
}

/**
 * Removes old versions and the bodies no kept version uses. Kept: the newest versions, the one
 * the last `next build` was made from (its pages are what a restarted server serves first), and
 * every version back to the newest one with a full search index, which a server starting
 * cold replays the changes from.
 */
export function collectGarbage(root: string, pinned: string[] = []): void {
  const versionsDir = path.join(contentDir(root), 'versions');
  if (!existsSync(versionsDir)) return;
  const ids = readdirSync(versionsDir)
    .filter((name) => !name.includes('.tmp-'))
    .sort()
    .reverse();
  const current = currentVersionId(root);
  const keep = new Set<string>([...ids.slice(0, KEEP), ...pinned]);
  try {
    const built = JSON.parse(readFileSync(path.join(contentDir(root), 'built.json'), 'utf8')) as {
      version?: unknown;
    };
    if (typeof built.version === 'string') keep.add(built.version);
  } catch {
    // No build has recorded its version.
  }
  if (current) keep.add(current);
  // Back from the current version to a full search index: a server starting cold replays the
  // search changes of each, so of those older than the ones kept whole only that much stays.
  const chain = searchChain(root, current);
  for (const id of ids) {
    const dir = path.join(versionsDir, id);
    if (keep.has(id)) continue;
    if (!chain.has(id)) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    for (const name of readdirSync(dir)) {
      if (!REPLAY_FILES.has(name)) rmSync(path.join(dir, name), { force: true });
    }
  }
  for (const name of readdirSync(versionsDir)) {
    // What a build that was killed left behind.
    if (name.includes('.tmp-'))
      rmSync(path.join(versionsDir, name), { recursive: true, force: true });
  }
  const used = new Set<string>();
  for (const id of keep) {
    try {
      // Every compiled file of the version (articles and authors' bios) names its body.
      const sources = JSON.parse(
        readFileSync(path.join(versionsDir, id, VERSION_FILES.sources), 'utf8'),
      ) as { files: Record<string, { body: string }> };
      for (const file of Object.values(sources.files)) used.add(file.body);
    } catch {
      // A kept id that is gone (pinned by an old build) uses nothing.
    }
  }
  const bodiesDir = path.join(contentDir(root), 'bodies');
  if (!existsSync(bodiesDir)) return;
  for (const shard of readdirSync(bodiesDir)) {
    for (const file of readdirSync(path.join(bodiesDir, shard))) {
      if (!used.has(file.replace(/\.json$/, ''))) rmSync(path.join(bodiesDir, shard, file));
    }
  }
}
