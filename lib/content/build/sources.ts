import {
  closeSync,
  constants,
  type Dirent,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import type { Finding } from './findings';

export type SourceKind = 'article' | 'author' | 'section' | 'page' | 'ads' | 'redirects';

/** One file of content/, as the build reads it. */
export type Source = {
  kind: SourceKind;
  /** As editors know it: content/articles/world/a-story.mdx. */
  file: string;
  /**
   * The article's slug, the author's or section's id: the file name without extension. A page's
   * is its path under content/pages/ without extension (`about/team`), which is its address.
   */
  id: string;
  /** What the file system says of it: a file whose size and time are as last built is unchanged. */
  size: number;
  mtimeMs: number;
  /** Its text, read when asked: an incremental build reads only the files that changed. */
  read: () => string;
};

/** `folders`: files in folders are read, their id `folder/name` (pages) or `name` (articles). */
const FOLDERS: { kind: SourceKind; dir: string; ext: string; folders?: 'path' | 'ignored' }[] = [
  { kind: 'section', dir: 'sections', ext: '.yaml' },
  { kind: 'author', dir: 'authors', ext: '.mdx' },
  // The newsroom's own pages (/support), written like articles; a folder nests them under a
  // parent's address (pages/about/team.mdx: /about/team).
  { kind: 'page', dir: 'pages', ext: '.mdx', folders: 'path' },
  // Articles may sit in folders of the newsroom's choosing; the URL comes from frontmatter.
  { kind: 'article', dir: 'articles', ext: '.mdx', folders: 'ignored' },
  // Old addresses and where they lead now (lib/content/redirects/), e.g. an importer's file.
  { kind: 'redirects', dir: 'redirects', ext: '.yaml' },
];

/** The advertising settings: one file, optional (lib/ads/schema.ts). */
export const ADS_FILE = 'ads.yaml';

function sourceOf(kind: SourceKind, full: string, file: string, id: string): Source {
  const { size, mtimeMs } = lstatSync(full);
  let text: string | undefined;
  // O_NOFOLLOW: a file swapped for a link after the walk looked at it is still not followed.
  const read = () => {
    const fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      return readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  };
  return { kind, file, id, size, mtimeMs, read: () => (text ??= read()) };
}

/**
 * content/ is data: the build reads files and folders and nothing else. A symbolic link is
 * never followed (one to a host file would be read into the site, a folder linking to itself
 * made the walk run away), nor is a FIFO or a device read; each is refused with its path.
 */
function refusal(file: string, what: string): Finding {
  return {
    file,
    line: 1,
    field: 'file',
    problem: `${what}; Masthead reads only plain files and folders in content/`,
    fix: 'put the file itself there, or remove it',
    severity: 'error',
  };
}

const kindOf = (entry: Dirent | Stats) =>
  entry.isSymbolicLink()
    ? 'is a symbolic link'
    : entry.isFile() || entry.isDirectory()
      ? undefined
      : 'is not a file';

/** The files under `folder` (relative, posix separators), without following anything. */
function walk(folder: string, shown: string, recursive: boolean, refused: Finding[]): string[] {
  const names: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      const wrong = kindOf(entry);
      if (wrong) refused.push(refusal(`${shown}/${name}`, wrong));
      else if (entry.isDirectory()) {
        if (recursive) visit(name);
      } else names.push(name);
    }
  };
  visit('');
  return names;
}

/**
 * Every content file, the advertising settings and sections first, each folder in path order;
 * and what was refused (links and the like), each with its path. Nothing is read here but
 * folder listings and file sizes: a refused tree is refused before any file in it is read.
 */
export function readSources(contentDir: string): { sources: Source[]; refused: Finding[] } {
  const sources: Source[] = [];
  const refused: Finding[] = [];
  const stat = (full: string) => {
    try {
      return lstatSync(full);
    } catch {
      return undefined;
    }
  };
  const ads = path.join(contentDir, ADS_FILE);
  const adsStat = stat(ads);
  const adsWrong = adsStat && kindOf(adsStat);
  if (adsWrong) refused.push(refusal(`content/${ADS_FILE}`, adsWrong));
  else if (adsStat?.isFile()) sources.push(sourceOf('ads', ads, `content/${ADS_FILE}`, 'ads'));
  for (const { kind, dir, ext, folders } of FOLDERS) {
    const folder = path.join(contentDir, dir);
    const folderStat = stat(folder);
    if (!folderStat) continue;
    const wrong = kindOf(folderStat) ?? (folderStat.isDirectory() ? undefined : 'is not a folder');
    if (wrong) {
      refused.push(refusal(`content/${dir}`, wrong));
      continue;
    }
    const names = walk(folder, `content/${dir}`, folders !== undefined, refused)
      .filter((name) => name.endsWith(ext))
      .sort();
    for (const name of names) {
      const id = folders === 'path' ? name.slice(0, -ext.length) : path.posix.basename(name, ext);
      sources.push(sourceOf(kind, path.join(folder, name), `content/${dir}/${name}`, id));
    }
  }
  return { sources, refused };
}
