import { getMDXComponent } from 'mdx-bundler/client';
import { createElement, type ComponentProps, type ReactElement } from 'react';

type MdxComponents = ComponentProps<ReturnType<typeof getMDXComponent>>['components'];

/** Turns contentlayer2's compiled MDX into an element, with our components in scope. */
export function renderMdx(code: string, components: MdxComponents): ReactElement {
  return createElement(getMDXComponent(code), { components });
}
