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
import { copyFromUploads, findInUploads, uploadsRoot } from './uploads-copy';
import { parsePictureUrl, uploadsRest } from './uploads-url';

/** Where a picture's bytes come from: writes them to `file`, or says why it cannot. */
export type Source = (url: string, file: string) => Promise<Received | Refused>;

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
  return async (url, file) => {
    const parsed = parsePictureUrl(url, options.siteUrl);
    const rest = parsed && uploadsRest(parsed, options.siteUrl, options.uploadsRoots);
    const segments = rest ? uploadsRelativePath(rest) : null;
    if (!segments) return { ok: false, reason: 'its address is not in the old site’s uploads' };
    const found = await findInUploads(root, segments);
    return found.ok ? copyFromUploads(found, file, maxBytes) : found;
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
