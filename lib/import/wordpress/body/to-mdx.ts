import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';

/**
 * MDX reads a line starting with `import` or `export` as JavaScript. mdast-util-mdx escapes
 * `{` and `<` in text, but not these words: at the start of a line their first letter is
 * written as a character reference (`&#x65;xport`), which reads the same and runs nothing.
 */
const ESM_WORDS: Unsafe[] = [
  { atBreak: true, character: 'e', after: 'xport\\b' },
  { atBreak: true, character: 'i', after: 'mport\\b' },
];

/**
 * Made once: the writer compiles each extension's unsafe patterns into expressions it keeps on
 * the pattern objects, so extensions made anew for every body compiled them all for each one.
 */
const EXTENSIONS = [
  gfmToMarkdown({ tablePipeAlign: false }),
  mdxToMarkdown(),
  { unsafe: ESM_WORDS },
];

/**
 * The tree as MDX in the house style (the style guide's `-` lists, `***` rules, fenced code),
 * every link written `[words](address)`: MDX has no `<https://…>` autolinks, it reads `<` as
 * the start of a tag.
 */
export function toMdx(tree: Root): string {
  return toMarkdown(tree, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    rule: '*',
    fence: '`',
    fences: true,
    listItemIndent: 'one',
    resourceLink: true,
    extensions: EXTENSIONS,
  });
}
