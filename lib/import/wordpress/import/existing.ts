import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyManifest, MANIFEST_FILE, parseManifest, type Manifest } from './manifest';
import { parseRedirects } from '@/lib/content/redirects/parse';
import type { Existing } from './plan';
import { redirectKey } from './redirects';
import { REDIRECTS_FILE } from './site-files';

/** The record of earlier imports, an empty one before the first, or why it cannot be used. */
export async function loadManifest(root: string): Promise<Manifest | string> {
  const file = path.join(root, MANIFEST_FILE);
  const info = await lstat(file).catch(() => null);
  if (info === null) return emptyManifest();
  if (!info.isFile()) return `${MANIFEST_FILE} is not a file`;
  return parseManifest(await readFile(file, 'utf8'));
}

/** File names under a folder of content/ with one extension, without following links. */
async function names(dir: string, ext: string, recursive: boolean): Promise<string[]> {
  const found: string[] = [];
  const visit = async (relative: string, depth: number) => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true }).catch(
      () => [],
    );
    for (const entry of entries) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && recursive && depth < 32) await visit(name, depth + 1);
      else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith(ext)) {
        found.push(name.slice(0, -ext.length));
      }
    }
  };
  await visit('', 0);
  return found;
}

/**
 * What content/ holds now: article slugs (any folder), section and author ids, page paths;
 * and which files the last import wrote. Only folder listings are read.
 */
export async function scanExisting(root: string, manifest: Manifest): Promise<Existing> {
  const content = path.join(root, 'content');
  const [articles, sections, authors, pages] = await Promise.all([
    names(path.join(content, 'articles'), '.mdx', true),
    names(path.join(content, 'sections'), '.yaml', false),
    names(path.join(content, 'authors'), '.mdx', false),
    names(path.join(content, 'pages'), '.mdx', true),
  ]);
  return {
    articles: new Set(articles.map((name) => path.posix.basename(name))),
    sections: new Set(sections),
    authors: new Set(authors),
    pages: new Set(pages),
    isOurs: (file) => Object.hasOwn(manifest.files, file),
  };
}

/**
 * The old addresses the newsroom's other redirects files (content/redirects/*.yaml, not the
 * importer's own) already send somewhere, by key: the import leaves those to them.
 */
export async function redirectedElsewhere(root: string): Promise<Set<string>> {
  const dir = path.join(root, 'content', 'redirects');
  const own = path.posix.basename(REDIRECTS_FILE);
  const keys = new Set<string>();
  for (const name of await names(dir, '.yaml', false)) {
    if (`${name}.yaml` === own) continue;
    const file = `content/redirects/${name}.yaml`;
    const text = await readFile(path.join(root, file), 'utf8').catch(() => '');
    for (const entry of parseRedirects(file, text).entries) {
      const key = redirectKey(entry.from);
      if (key !== null) keys.add(key);
    }
  }
  return keys;
}
