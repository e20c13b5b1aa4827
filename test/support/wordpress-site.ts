import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { createDb, migrate } from '@/lib/comments/db';
import type { Database } from '@/lib/comments/types';

const REPO = path.resolve(import.meta.dirname, '../..');
const PICTURES = path.join(REPO, 'test/fixtures/pictures');

/**
 * A scratch newsroom: a copy of this site's content/ and public/, and an SQLite comment store,
 * in `box/site`; `box` also holds `box/beside/`, a folder an import must never touch.
 */
export type ScratchSite = { box: string; root: string; db: Kysely<Database>; dbFile: string };

export async function scratchSite(prefix = 'masthead-wp-'): Promise<ScratchSite> {
  const box = mkdtempSync(path.join(tmpdir(), prefix));
  const root = path.join(box, 'site');
  mkdirSync(path.join(box, 'beside', 'etc'), { recursive: true });
  writeFileSync(path.join(box, 'beside', 'etc', 'passwd'), 'root:x:0:0\n');
  cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  cpSync(path.join(REPO, 'public'), path.join(root, 'public'), { recursive: true });
  const dbFile = path.join(root, 'data', 'comments.sqlite');
  const db = createDb({ sqlitePath: dbFile });
  await migrate(db);
  return { box, root, db, dbFile };
}

const PICTURE_URL = /https?:\/\/[^\s"'<>()[\]]+?\.(jpe?g|png|gif)(?=[?\s"'<>()[\]]|$)/gi;
const UPLOADS = '/wp-content/uploads/';

/**
 * A copy of an old site's wp-content/uploads for an export, as an editor would hand to
 * --uploads: every picture address in the export gets a small real picture of its format at
 * its path after the uploads root (`2008/06/canola2.jpg`), size variants included.
 */
export function uploadsFor(exportFile: string, dir: string): number {
  const text = readFileSync(exportFile, 'utf8');
  const files = new Set<string>();
  for (const match of text.matchAll(PICTURE_URL)) {
    const url = new URL(match[0]);
    const at = url.pathname.indexOf(UPLOADS);
    files.add(
      decodeURIComponent(
        at === -1 ? url.pathname.slice(1) : url.pathname.slice(at + UPLOADS.length),
      ),
    );
  }
  for (const file of files) {
    const ext = path.extname(file).slice(1).toLowerCase();
    const source = path.join(PICTURES, `red-8x6.${ext === 'jpeg' ? 'jpg' : ext}`);
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), readFileSync(source));
  }
  return files.size;
}

/** Every file under a folder (data/ and build output left out) → its SHA-256: "is it as it was?". */
export function treeHashes(
  root: string,
  skip: readonly string[] = ['.masthead', 'data'],
): Map<string, string> {
  const hashes = new Map<string, string>();
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (skip.includes(name)) continue;
      if (entry.isDirectory()) {
        hashes.set(`${name}/`, 'folder');
        visit(name);
      } else
        hashes.set(
          name,
          createHash('sha256')
            .update(readFileSync(path.join(root, name)))
            .digest('hex'),
        );
    }
  };
  visit('');
  return hashes;
}
