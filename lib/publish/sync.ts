import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { revalidatePath } from 'next/cache';
import { contentNow, deriveStore, type ContentStore } from '../content/listings/queries';
import { contentDir, VERSION_FILES, versionDir } from '../content/store/layout';
import type { ContentIndex } from '../content/schema/types';
import { siteConfig } from '../site';
import { affectedPaths, EVERYTHING, type ContentView } from './affected-paths';

/** Written by `next build` (next.config.js): the version and the moment its pages show. */
export const BUILT_FILE = 'built.json';

export type SyncResult = {
  live: string;
  revalidated: number;
  everything: boolean;
  /** When the content changes by itself next (a scheduled article's time), or null. */
  nextCheckAt: number | null;
  /** How long this sync took, in ms: loading the version, comparing, revalidating. */
  tookMs: number;
};

const viewOf = (store: ContentStore): ContentView => ({
  articles: store.articles,
  sections: store.sections,
  authors: store.authors,
  pages: store.pages,
  ads: store.ads,
});

/** What the pages `next build` rendered show: its version, as it was when it ran. */
function builtView(): ContentView | undefined {
  try {
    const built = JSON.parse(readFileSync(path.join(contentDir(), BUILT_FILE), 'utf8')) as {
      version: string;
      at: number;
    };
    const index = JSON.parse(
      readFileSync(path.join(versionDir(built.version), VERSION_FILES.index), 'utf8'),
    ) as ContentIndex;
    return viewOf(deriveStore(built.version, index, built.at));
  } catch {
    return undefined;
  }
}

/** What this process last made its cached pages agree with. */
let synced: ContentView | undefined;

/**
 * Makes this process's cached pages agree with the content readers should see now: compares it
 * with what they were last made from (at start, the build's own version) and revalidates
 * exactly the paths that differ, so the next request for each renders afresh. Synchronous from
 * the look at the content to the last revalidation, so two calls cannot interleave. Called by
 * the publish endpoint, for a publish, for a version another process wrote and for a scheduled
 * article's time (instrumentation.ts). `revalidate: false` only moves the baseline: with a
 * shared cache, another instance has revalidated these paths for everyone
 * (lib/cluster/sync-claim.ts).
 */
export function syncContent(
  now = Date.now(),
  { revalidate = true }: { revalidate?: boolean } = {},
): SyncResult {
  const started = performance.now();
  const store = contentNow(now);
  const before = synced ?? builtView();
  const after = viewOf(store);
  const paths = before ? affectedPaths(before, after, siteConfig.pageSize) : [EVERYTHING];
  const everything = paths.includes(EVERYTHING);
  if (revalidate && everything) revalidatePath('/', 'layout');
  else if (revalidate) for (const path of paths) revalidatePath(path);
  synced = after;
  return {
    live: store.version,
    revalidated: !revalidate ? 0 : everything ? -1 : paths.length,
    everything,
    nextCheckAt: Number.isFinite(store.validUntil) ? store.validUntil : null,
    tookMs: Math.round(performance.now() - started),
  };
}
