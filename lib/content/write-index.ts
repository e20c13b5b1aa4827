import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROUTES_FILE, routesFile } from '../routing/routes-file';
import type { ContentIndex } from './types';

/** Where the content build leaves what the site reads; `lib/content/store.ts` reads it back. */
export const INDEX_DIR = path.join('.contentlayer', 'masthead');

/**
 * Listing pages read one small index; an article page reads only its own body. Nothing in the
 * site loads every compiled body at once, which is what lets the archive grow to 10,000+.
 */
export function writeContentIndex(
  root: string,
  index: ContentIndex,
  bodies: Map<string, string>,
): void {
  const dir = path.join(root, INDEX_DIR);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(path.join(tmp, 'bodies'), { recursive: true });
  for (const [slug, code] of bodies) {
    writeFileSync(path.join(tmp, 'bodies', `${slug}.json`), JSON.stringify({ code }));
  }
  writeFileSync(path.join(tmp, 'index.json'), JSON.stringify(index));
  writeFileSync(path.join(tmp, ROUTES_FILE), JSON.stringify(routesFile(index)));
  // Swap in whole so a running dev server never reads half an index.
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}
