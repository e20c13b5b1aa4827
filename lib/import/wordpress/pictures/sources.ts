import { statSync } from 'node:fs';
import { hashFile } from './hash-file';
import {
  createAgents,
  destroyAgents,
  fetchPicture,
  type Agents,
  type FetchLimits,
} from './http-fetch';
import type { ObtainOptions } from './obtain';
import type { Received, Refused } from './receive';
import { uploadsRelativePath } from './site-path';
import { copyFromUploads, findInUploads, uploadsRoot, type RealFolders } from './uploads-copy';
import { parsePictureUrl, uploadsRest } from './uploads-url';

/** The file in public/ is byte for byte the old site's: nothing was written. */
export type Same = { ok: true; same: true; sha256: string };

/**
 * Where a picture's bytes come from: writes them to `file`, or says why it cannot. Given the
 * picture already in public/, a source that can compare without copying (the uploads copy)
 * answers `Same` when they are equal.
 */
export type Source = (
  url: string,
  file: string,
  existing: string | null,
) => Promise<Received | Same | Refused>;

type Limits = Pick<FetchLimits, 'timeoutMs' | 'maxBytes' | 'maxRedirects'>;

/** The uploads copy when there is one, else the old site over HTTP, and how to let it go. */
export async function openSource(options: ObtainOptions, limits: Limits, concurrency: number) {
  if (options.uploadsDir !== undefined) {
    const source = await uploadsSource(options.uploadsDir, options, limits.maxBytes);
    return { source, close: () => {} };
  }
  const agents = createAgents(concurrency);
  const source = httpSource(options, agents, {
    ...limits,
    privateHosts: new Set(options.privateHosts ?? []),
  });
  return { source, close: () => destroyAgents(agents) };
}

async function uploadsSource(
  dir: string,
  options: ObtainOptions,
  maxBytes: number,
): Promise<Source> {
  const root = await uploadsRoot(dir);
  const folders: RealFolders = new Map();
  return async (url, file, existing) => {
    const parsed = parsePictureUrl(url, options.siteUrl);
    const rest = parsed && uploadsRest(parsed, options.siteUrl, options.uploadsRoots);
    const segments = rest ? uploadsRelativePath(rest) : null;
    if (!segments) return { ok: false, reason: 'its address is not in the old site’s uploads' };
    const found = findInUploads(root, segments, folders);
    if (!found.ok) return found;
    // An import run again reads both files rather than writing a copy only to throw it away.
    if (existing && statSync(existing).size === found.bytes) {
      const [source, present] = await Promise.all([hashFile(found.file), hashFile(existing)]);
      if (source === present) return { ok: true, same: true, sha256: source };
    }
    return copyFromUploads(found, file, maxBytes);
  };
}

function httpSource(options: ObtainOptions, agents: Agents, limits: FetchLimits): Source {
  return async (url, file) => {
    const parsed = parsePictureUrl(url, options.siteUrl);
    if (!parsed) return { ok: false, reason: 'its address is not an http or https address' };
    if (parsed.hostname === 'old-site.invalid') {
      return { ok: false, reason: 'the export gives no address for the old site to fetch it from' };
    }
    return fetchPicture(parsed, file, limits, agents);
  };
}
