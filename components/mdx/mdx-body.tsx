import type { ReactNode } from 'react';
import { renderMdx, renderMdxBlocks } from '@/lib/content/mdx/render';
import { mdxComponents } from './mdx-components';

type MdxBodyProps = {
  code: string;
  /** Lays out the body's top-level blocks: the in-article ad slots go between them. */
  arrange?: (blocks: ReactNode[]) => ReactNode;
};

export function MdxBody({ code, arrange }: MdxBodyProps) {
  return arrange ? arrange(renderMdxBlocks(code, mdxComponents)) : renderMdx(code, mdxComponents);
}
