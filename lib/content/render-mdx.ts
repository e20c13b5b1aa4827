import { runSync } from '@mdx-js/mdx';
import type { MDXComponents } from 'mdx/types';
import { createElement, type ReactElement } from 'react';
import * as runtime from 'react/jsx-runtime';

/**
 * Turns a body the content build compiled (@mdx-js/mdx, function-body output) into an element,
 * with our components in scope. The body can import nothing and run nothing but JSX: the
 * content check refused ESM and expressions before it was compiled (decision 013).
 */
export function renderMdx(code: string, components: MDXComponents): ReactElement {
  const { default: Content } = runSync(code, { ...runtime, baseUrl: import.meta.url });
  return createElement(Content, { components });
}
