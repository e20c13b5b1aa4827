import type { Root } from 'mdast';
import { textOf } from './hast';
import { cutBetween, withoutTags, htmlFragment } from './html';
import { toMdx } from './to-mdx';

/** Elements whose content is not words, removed whole before the tags go. */
const NOT_WORDS = ['script', 'style', 'template', 'noscript', 'svg', 'textarea', 'title'];

const BLOCK_TAG =
  /<\/?(?:p|div|h[1-6]|li|dt|dd|tr|blockquote|pre|br|hr|table|ul|ol|dl|figure|figcaption|section|article|header|footer|aside|details|summary)\b[^<>]*>/gi;

/**
 * The body's words as paragraphs, for a body the converter cannot take apart (nested past what
 * a parser's recursion survives): tags removed, entities read by the HTML parser on text that
 * no longer nests, every paragraph escaped as any other text.
 */
export function plainTextMdx(html: string): string {
  let text = cutBetween(html, '<!--', '-->');
  for (const name of NOT_WORDS) text = cutBetween(text, `<${name}`, `</${name}>`);
  const words = textOf(htmlFragment(withoutTags(text.replace(BLOCK_TAG, '\n\n'))));
  const tree: Root = {
    type: 'root',
    children: words
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
      .filter((paragraph) => paragraph !== '')
      .map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', value: paragraph }] })),
  };
  return toMdx(tree);
}
