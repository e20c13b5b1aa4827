import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './cache';

/**
 * Raised when what the build stores (cache entries, a version's sources.json) changes shape:
 * a build never reads the old shape as the new one, it starts afresh.
 */
const STORE_FORMAT = 5;

/** The packages whose versions decide what a compiled body looks like. */
const COMPILER_PACKAGES = [
  '@mdx-js/mdx',
  'remark-gfm',
  'rehype-slug',
  'rehype-autolink-headings',
  'github-slugger',
  'yaml',
  'unified',
  // A live story's newest entries are rendered to HTML in the compile (decision 032).
  'react',
  'react-dom',
];

/** The installed version, found the way Node finds the package: up from `root`. */
function packageVersion(root: string, name: string): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    try {
      const file = path.join(dir, 'node_modules', name, 'package.json');
      return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
    } catch {
      if (path.dirname(dir) === dir) return 'missing';
    }
  }
}

const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

/**
 * `entry` and every module of ours it imports, followed through relative imports: the MDX
 * components import relatively for that reason, and because the build runs them outside Next.
 */
function ownModules(entry: string): string[] {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const base = path.resolve(path.dirname(file), spec!);
      const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
        (candidate) =>
          candidate.endsWith('.ts') || candidate.endsWith('.tsx') ? existsSync(candidate) : false,
      );
      if (found) walk(found);
    }
  };
  walk(entry);
  return [...seen].sort();
}

/**
 * What a cached compile depends on besides the file itself: the compiler's and plugins'
 * versions, and the source of every module of ours the compile runs (the MDX rules, the table
 * and heading plugins, the frontmatter parser). Changing any of them recompiles everything;
 * changing the rest of the site recompiles nothing.
 */
export function compilerFingerprint(root: string): string {
  const parts = [
    `store format ${STORE_FORMAT}`,
    ...COMPILER_PACKAGES.map((name) => `${name}@${packageVersion(root, name)}`),
  ];
  for (const file of ownModules(path.join(root, 'lib', 'content', 'build', 'compile.ts'))) {
    parts.push(`${path.relative(root, file)}:${sha256(readFileSync(file, 'utf8'))}`);
  }
  return sha256(parts.join('\n'));
}
