import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type SourceKind = 'article' | 'author' | 'section' | 'page' | 'ads';

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
  // The newsroom's own pages (/support), written like articles.
  { kind: 'page', dir: 'pages', ext: '.mdx', recursive: false },
  // Articles may sit in folders of the newsroom's choosing; the URL comes from frontmatter.
  { kind: 'article', dir: 'articles', ext: '.mdx', recursive: true },
];

/** The advertising settings: one file, optional (lib/content/ads-schema.ts). */
export const ADS_FILE = 'ads.yaml';

function sourceOf(kind: SourceKind, full: string, file: string, id: string): Source {
  const { size, mtimeMs } = statSync(full);
  let text: string | undefined;
  return { kind, file, id, size, mtimeMs, read: () => (text ??= readFileSync(full, 'utf8')) };
}

/** Every content file, the advertising settings and sections first, each folder in path order. */
export function readSources(contentDir: string): Source[] {
  const sources: Source[] = [];
  const ads = path.join(contentDir, ADS_FILE);
  if (existsSync(ads)) sources.push(sourceOf('ads', ads, `content/${ADS_FILE}`, 'ads'));
  for (const { kind, dir, ext, recursive } of FOLDERS) {
    const folder = path.join(contentDir, dir);
    if (!existsSync(folder)) continue;
    const names = readdirSync(folder, { recursive })
      .map(String)
      .filter((name) => name.endsWith(ext))
      .sort();
    for (const name of names) {
      sources.push(
        sourceOf(
          kind,
          path.join(folder, name),
          path.posix.join('content', dir, name.split(path.sep).join('/')),
          path.basename(name, ext),
        ),
      );
    }
  }
  return sources;
}
