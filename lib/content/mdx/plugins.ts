import type { PluggableList } from 'unified';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { rehypeTableRegions } from './rehype-table-regions';
import { remarkCheckMdx, type MdxProblem } from './remark-check-mdx';

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
      [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
      rehypeTableRegions,
    ],
  };
}
