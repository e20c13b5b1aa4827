import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type SourceKind = 'article' | 'author' | 'section';

/** One file of content/, as the build reads it. */
export type Source = {
  kind: SourceKind;
  /** As editors know it: content/articles/world/a-story.mdx. */
  file: string;
  /** The article's slug, the author's or section's id: the file name without extension. */
  id: string;
  /** What the file system says of it: a file whose size and time are as last built is unchanged. */
  size: number;
  mtimeMs: number;
  /** Its text, read when asked: an incremental build reads only the files that changed. */
  read: () => string;
};

const FOLDERS: { kind: SourceKind; dir: string; ext: string; recursive: boolean }[] = [
  { kind: 'section', dir: 'sections', ext: '.yaml', recursive: false },
  { kind: 'author', dir: 'authors', ext: '.mdx', recursive: false },
  // Articles may sit in folders of the newsroom's choosing; the URL comes from frontmatter.
  { kind: 'article', dir: 'articles', ext: '.mdx', recursive: true },
];

/** Every content file, sections first, each folder in path order. */
export function readSources(contentDir: string): Source[] {
  const sources: Source[] = [];
  for (const { kind, dir, ext, recursive } of FOLDERS) {
    const folder = path.join(contentDir, dir);
    if (!existsSync(folder)) continue;
    const names = readdirSync(folder, { recursive })
      .map(String)
      .filter((name) => name.endsWith(ext))
      .sort();
    for (const name of names) {
      const full = path.join(folder, name);
      const { size, mtimeMs } = statSync(full);
      let text: string | undefined;
      sources.push({
        kind,
        file: path.posix.join('content', dir, name.split(path.sep).join('/')),
        id: path.basename(name, ext),
        size,
        mtimeMs,
        read: () => (text ??= readFileSync(full, 'utf8')),
      });
    }
  }
  return sources;
}
