import matter from 'gray-matter';

/**
 * contentlayer2 and mdx-bundler split off frontmatter with gray-matter, which reads frontmatter
 * that opens with `---js` by handing it to eval: one article starting `---js` would run code on
 * the build machine, before any check sees it. Dropping every engine but YAML and JSON makes
 * such a file fail to parse instead. Called from contentlayer.config.ts, which contentlayer2
 * loads before it reads any content; the package is the one copy they all resolve.
 */
export function keepFrontmatterData(): void {
  // gray-matter's types leave out the engine table that index.js exposes as matter.engines.
  const { engines } = matter as typeof matter & { engines: Record<string, unknown> };
  for (const name of Object.keys(engines)) {
    if (name !== 'yaml' && name !== 'json') delete engines[name];
  }
}
