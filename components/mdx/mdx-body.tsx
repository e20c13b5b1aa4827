import { renderMdx } from '@/lib/content/render-mdx';
import { mdxComponents } from './mdx-components';

type MdxBodyProps = { code: string };

export function MdxBody({ code }: MdxBodyProps) {
  return renderMdx(code, mdxComponents);
}
