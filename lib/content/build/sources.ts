import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type SourceKind = 'article' | 'author' | 'section';

/** One file of content/, as the build reads it. */
export type Source = {
  kind: SourceKind;
  /** As editors know it: content/articles/world/a-story.mdx. */
  file: string;
  /** The article's slug, the author's or section's id: the file name without extension. */
  id: string;
  text: string;
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
      sources.push({
        kind,
        file: path.posix.join('content', dir, name.split(path.sep).join('/')),
        id: path.basename(name, ext),
        text: readFileSync(path.join(folder, name), 'utf8'),
      });
    }
  }
  return sources;
}
