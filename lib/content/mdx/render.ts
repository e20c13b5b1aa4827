import { runSync } from '@mdx-js/mdx';
import type { MDXComponents } from 'mdx/types';
import {
  Children,
  createElement,
  Fragment,
  isValidElement,
  type ReactElement,
  type ReactNode,
} from 'react';
import * as runtime from 'react/jsx-runtime';

/**
 * Turns a body the content build compiled (@mdx-js/mdx, function-body output) into an element,
 * with our components in scope. The body can import nothing and run nothing but JSX: the
 * content check refused ESM and expressions before it was compiled (decision 013).
 */
export function renderMdx(code: string, components: MDXComponents): ReactElement {
  return createElement(contentOf(code), { components });
}

function contentOf(code: string) {
  return runSync(code, { ...runtime, baseUrl: import.meta.url }).default;
}

/**
 * The body's top-level blocks, in order, for placing something between them (in-article ad
 * slots). The compiled content is a plain function of its props, with no hooks and no state,
 * that returns one fragment of the blocks: calling it here is what React would do.
 */
export function renderMdxBlocks(code: string, components: MDXComponents): ReactNode[] {
  const tree = (contentOf(code) as (props: { components: MDXComponents }) => ReactNode)({
    components,
  });
  if (isValidElement<{ children?: ReactNode }>(tree) && tree.type === Fragment) {
    return Children.toArray(tree.props.children);
  }
  return Children.toArray(tree);
}
