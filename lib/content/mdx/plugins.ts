import type { Element } from 'hast';
import type { PluggableList } from 'unified';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { rehypeCodeBlocks } from './rehype-code-blocks';
import { rehypeTableRegions } from './rehype-table-regions';
import { remarkCheckMdx, type MdxProblem } from './remark-check-mdx';

type Node = { type: string; tagName?: string; name?: string | null; children?: Node[] };

/** An <a> written in Markdown (a link, a bare address GFM links, a footnote mark) or in MDX. */
const holdsLink = (node: Node): boolean =>
  (node.children ?? []).some(
    (child) =>
      (child.type === 'element' && child.tagName === 'a') ||
      (child.type === 'mdxJsxTextElement' && child.name === 'a') ||
      holdsLink(child),
  );

/**
 * Every heading links to itself by wrapping its words in a link, but a link cannot hold a link
 * (`## Sources: https://example.com` would nest one <a> in another, which browsers break apart).
 * A heading that holds one keeps it and its id, and goes without the link to itself.
 */
const linksToItself = (heading: Element) => !holdsLink(heading as Node);

/**
 * How an article's MDX becomes HTML: the content build and bench/mdx-compile.ts share these.
 * With `report`, content problems are handed over (the build lists them all with file and
 * line); without it, the first one fails the compile.
 */
export function mdxPlugins(report?: (problem: MdxProblem) => void): {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
} {
  return {
    remarkPlugins: [remarkGfm, [remarkCheckMdx, report ? { report } : {}]],
    rehypePlugins: [
      rehypeSlug,
      [
        rehypeAutolinkHeadings,
        {
          behavior: 'wrap',
          properties: { className: ['heading-anchor'] },
          test: linksToItself,
        },
      ],
      rehypeTableRegions,
      rehypeCodeBlocks,
    ],
  };
}
