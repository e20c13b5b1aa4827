import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, realpathSync, renameSync } from 'node:fs';
import { mkdir, realpath, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { hashFile } from './hash-file';
import { isSitePath } from './site-path';
import { openSource, type Source } from './sources';
import { orNull } from './uploads-copy';
import type { UploadsRoot } from './uploads-url';

export type PictureItem = { url: string; sitePath: string };

export type ObtainOptions = {
  /** A copy of the old site's wp-content/uploads (--uploads); without it, pictures are fetched. */
  uploadsDir?: string;
  /** The site's public/ folder: a picture already there is not fetched again. */
  publicDir: string;
  /** Mirrors public/: pictures are written to `<stagingDir><sitePath>` for the importer to move. */
  stagingDir: string;
  /** The old site's address (the export's base_blog_url), as given to `sitePathFor`. */
  siteUrl: string;
  /** The same extra uploads roots given to `sitePathFor` (`uploadsRootsOf`). */
  uploadsRoots?: readonly UploadsRoot[];
  /** Per picture, redirects and body included. Default 30 s. */
  fetchTimeoutMs?: number;
  /** Default 25 MB: WordPress scales anything larger than 2,560 pixels down on upload. */
  maxBytes?: number;
  /** Pictures fetched or copied at once. Default 4, at most 16. */
  concurrency?: number;
  /** Default 3. */
  maxRedirects?: number;
  /** Hosts allowed on loopback or private addresses (a test server, an intranet site). */
  privateHosts?: readonly string[];
  /** Replace pictures in public/ that differ from the old site's, even those an editor changed. */
  force?: boolean;
  /** Site path → SHA-256 of the file the last import wrote, to tell its files from editors'. */
  previous?: ReadonlyMap<string, string>;
};

export type ObtainResult = {
  /** Site paths now in stagingDir, new or changed since the last import. */
  obtained: string[];
  /** Site paths already in public/ (and not fetched again). */
  present: string[];
  /** Site paths whose file in public/ differs from the old site's and was left as it is. */
  kept: { sitePath: string; reason: string }[];
  /** Every URL whose picture could not be had, with why, in words for the report. */
  failed: { url: string; sitePath: string; reason: string }[];
  /** SHA-256 of each file obtained, or present and identical to the old site's, for the manifest. */
  sha256: Map<string, string>;
};

const DEFAULTS = {
  fetchTimeoutMs: 30_000,
  maxBytes: 25 * 1024 * 1024,
  concurrency: 4,
  maxRedirects: 3,
};

/**
 * Brings every picture an import needs next to the site's own: from the uploads copy when there
 * is one, else from the old site by HTTP. Pictures are written only into `stagingDir`, so an
 * import that fails half-way leaves public/ as it was; one already in public/ is not fetched
 * again (an import run twice fetches nothing), and one an editor has changed there is kept
 * unless `force`. Items naming the same site path (http and https, `?ver=2`) are one picture,
 * tried URL by URL until one works. Never throws for a picture; throws only when `uploadsDir`
 * is not a folder.
 */
export async function obtainPictures(
  items: readonly PictureItem[],
  options: ObtainOptions,
): Promise<ObtainResult> {
  const concurrency = Math.max(
    1,
    Math.min(16, Math.floor(options.concurrency ?? DEFAULTS.concurrency)),
  );
  const groups = new Map<string, Set<string>>();
  for (const { url, sitePath } of items) {
    const urls = groups.get(sitePath) ?? new Set<string>();
    groups.set(sitePath, urls.add(url));
  }
  const limits = {
    maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
    timeoutMs: options.fetchTimeoutMs ?? DEFAULTS.fetchTimeoutMs,
    maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
  };
  // Partial files sit apart from the staged tree, so a failure leaves nothing there to move.
  const parts = path.join(options.stagingDir, `.parts-${randomBytes(6).toString('hex')}`);
  await mkdir(parts, { recursive: true });
  const publicRoot = await realpath(options.publicDir).catch(() => null);
  const queue = [...groups.entries()];
  const outcomes: Outcome[] = [];
  let next = 0;
  try {
    const { source, close } = await openSource(options, limits, concurrency);
    const run: Run = { source, parts, publicRoot, options, folders: new Set<string>() };
    const worker = async () => {
      for (let index = next++, entry = queue[index]; entry; index = next++, entry = queue[index]) {
        outcomes[index] = await obtainOne(entry[0], [...entry[1]], run);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker)).finally(close);
  } finally {
    await rm(parts, { recursive: true, force: true });
  }
  return collect([...groups.keys()], outcomes);
}

type Failure = { url: string; sitePath: string; reason: string };

/** What became of one picture (one site path, however many URLs name it). */
type Outcome =
  | { kind: 'obtained'; sha256: string }
  | { kind: 'present'; sha256: string | null }
  | { kind: 'kept'; reason: string }
  | { kind: 'failed'; failures: Failure[] };

/** The outcomes in the order the pictures were first named, so a report reads the same each run. */
function collect(sitePaths: readonly string[], outcomes: readonly Outcome[]): ObtainResult {
  const result: ObtainResult = {
    obtained: [],
    present: [],
    kept: [],
    failed: [],
    sha256: new Map(),
  };
  sitePaths.forEach((sitePath, index) => {
    const outcome = outcomes[index];
    if (!outcome) return;
    if (outcome.kind === 'failed') result.failed.push(...outcome.failures);
    else if (outcome.kind === 'kept') result.kept.push({ sitePath, reason: outcome.reason });
    else {
      result[outcome.kind].push(sitePath);
      if (outcome.sha256) result.sha256.set(sitePath, outcome.sha256);
    }
  });
  return result;
}

/** What every picture of one run shares. */
type Run = {
  source: Source;
  parts: string;
  publicRoot: string | null;
  options: ObtainOptions;
  /** The staged folders made so far: a month's hundreds of pictures make theirs once. */
  folders: Set<string>;
};

/**
 * The file at a site path in public/, if it is a plain file there: a link, or a path through a
 * linked folder that leads out of public/, is never read or replaced.
 */
function existingFile(publicRoot: string | null, sitePath: string) {
  if (publicRoot === null) return { kind: 'none' as const };
  const file = path.join(publicRoot, sitePath);
  // Synchronous, as the copy from the uploads folder (uploads-copy.ts says why).
  const info = orNull(() => lstatSync(file));
  if (!info) return { kind: 'none' as const };
  const real = orNull(() => realpathSync.native(file));
  if (!info.isFile() || real !== file) return { kind: 'other' as const, file };
  return { kind: 'file' as const, file };
}

async function obtainOne(sitePath: string, urls: readonly string[], run: Run): Promise<Outcome> {
  const { options } = run;
  if (!isSitePath(sitePath)) {
    const reason = 'its site path is not one the importer writes';
    return { kind: 'failed', failures: urls.map((url) => ({ url, sitePath, reason })) };
  }
  const existing = existingFile(run.publicRoot, sitePath);
  if (existing.kind === 'other') {
    return {
      kind: 'kept',
      reason: `public${sitePath} is a link or a folder, not a picture file: left as it is`,
    };
  }
  // A fetched picture is fetched once: an import run again asks the old site for nothing.
  if (existing.kind === 'file' && options.uploadsDir === undefined && !options.force) {
    return { kind: 'present', sha256: null };
  }
  const present = existing.kind === 'file' ? existing.file : null;
  const failures: Failure[] = [];
  for (const url of urls) {
    const part = path.join(run.parts, randomBytes(8).toString('hex'));
    const got = await run.source(url, part, present);
    if (got.ok && 'same' in got) return { kind: 'present', sha256: got.sha256 };
    if (got.ok) return settle(sitePath, part, got.sha256, present, run);
    failures.push({ url, sitePath, reason: got.reason });
  }
  return { kind: 'failed', failures };
}

/** Decides what a picture just received means for the file in public/, if there is one. */
async function settle(
  sitePath: string,
  part: string,
  sha256: string,
  existing: string | null,
  { options, folders }: Run,
): Promise<Outcome> {
  const existingHash = existing ? await hashFile(existing) : null;
  if (existingHash === sha256) {
    await unlink(part);
    return { kind: 'present', sha256 };
  }
  const ours = existingHash !== null && options.previous?.get(sitePath) === existingHash;
  if (existingHash === null || ours || options.force) {
    const staged = path.join(options.stagingDir, sitePath);
    const folder = path.dirname(staged);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    renameSync(part, staged);
    return { kind: 'obtained', sha256 };
  }
  await unlink(part);
  return {
    kind: 'kept',
    reason: `public${sitePath} differs from the old site’s picture and was not written by the last import (an editor’s change?): left as it is; --force replaces it`,
  };
}
