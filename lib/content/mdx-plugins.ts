import type { PluggableList } from 'unified';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { rehypeTableRegions } from './rehype-table-regions';
import { remarkCheckMdx } from './remark-check-mdx';

/** How an article's MDX becomes HTML: the content build and bench/mdx-compile.ts share these. */
export const remarkPlugins: PluggableList = [remarkGfm, remarkCheckMdx];
export const rehypePlugins: PluggableList = [
  rehypeSlug,
  [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
  rehypeTableRegions,
];
