import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx';
import type { LostList } from './lost';
import { flattenToPhrasing, isPhrasing } from './phrasing';

/** Nodes whose children are words within a line. */
const HOLD_WORDS = new Set([
  'paragraph',
  'heading',
  'tableCell',
  'emphasis',
  'strong',
  'delete',
  'link',
  'mdxJsxTextElement',
]);

/** Boxes that mean nothing empty: an empty heading is an error, an empty link has no name. */
const DROP_WHEN_EMPTY = new Set([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'blockquote',
  'list',
  'mdxJsxTextElement',
  'mdxJsxFlowElement',
]);

/** Inline elements that are whole without children. */
const VOID = new Set(['br']);

const lineBreak = (): MdxJsxTextElement => ({
  type: 'mdxJsxTextElement',
  name: 'br',
  attributes: [],
  children: [],
});

function hasContent(node: RootContent): boolean {
  switch (node.type) {
    case 'text':
      return node.value.trim() !== '';
    case 'break':
      return false;
    case 'image':
    case 'inlineCode':
    case 'code':
    case 'footnoteReference':
    case 'thematicBreak':
    case 'table':
    case 'footnoteDefinition':
      return true;
    case 'mdxJsxTextElement':
      return VOID.has(node.name ?? '') ? false : node.children.some(hasContent);
    default:
      return 'children' in node && (node.children as RootContent[]).some(hasContent);
  }
}

const isBreak = (node: PhrasingContent) =>
  node.type === 'break' || (node.type === 'mdxJsxTextElement' && node.name === 'br');

/** No line break at the start or end of a line of words, nor spaces alone there. */
function trimBreaks(children: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = children.length;
  const blank = (node: PhrasingContent | undefined) =>
    node !== undefined && (isBreak(node) || (node.type === 'text' && node.value.trim() === ''));
  while (start < end && blank(children[start])) start += 1;
  while (end > start && blank(children[end - 1])) end -= 1;
  return children.slice(start, end);
}

const MARKS = new Set(['emphasis', 'strong', 'delete']);

/**
 * Emphasis as Markdown can write it: a mark inside the same mark is one mark (`<b>a<b>b</b></b>`),
 * and spaces at a mark's edges stand outside it; `_Right, _and` would otherwise be written with
 * character references to keep the space inside.
 */
function tidyMarks(children: RootContent[]): RootContent[] {
  return children.flatMap((child): RootContent[] => {
    if (!MARKS.has(child.type) || !('children' in child)) return [child];
    const mark = child as Parent & { type: 'emphasis' | 'strong' | 'delete' };
    mark.children = (mark.children as RootContent[]).flatMap((inner) =>
      inner.type === mark.type ? (inner.children as RootContent[]) : [inner],
    ) as Parent['children'];
    const first = mark.children[0];
    const last = mark.children[mark.children.length - 1];
    const before = first?.type === 'text' ? /^\s+/.exec(first.value)?.[0] : undefined;
    const after = last?.type === 'text' ? /\s+$/.exec(last.value)?.[0] : undefined;
    if (before && first?.type === 'text') first.value = first.value.slice(before.length);
    if (after && last?.type === 'text' && last.value.length >= after.length) {
      last.value = last.value.slice(0, last.value.length - after.length);
    }
    return [
      ...(before ? [{ type: 'text', value: before } as const] : []),
      mark as RootContent,
      ...(after ? [{ type: 'text', value: after } as const] : []),
    ];
  });
}

/**
 * Masthead makes every heading a link to itself (rehype-autolink-headings), and a link cannot
 * hold a link: a link in a heading keeps its words, and the report says where it went.
 */
function unlinkHeading(node: Parent, lost: LostList): void {
  const unlink = (children: RootContent[]): RootContent[] =>
    children.flatMap((child) => {
      if (child.type === 'link') {
        lost.add('a link in a heading (its words kept: headings link to themselves)');
        return unlink(child.children);
      }
      if ('children' in child)
        child.children = unlink(child.children as RootContent[]) as typeof child.children;
      return [child];
    });
  node.children = unlink(node.children as RootContent[]) as Parent['children'];
}

/** Tidies a node's subtree; returns whether it holds anything a reader sees. */
function tidyParent(node: Parent, lost: LostList): boolean {
  if (node.type === 'heading') unlinkHeading(node, lost);
  // Each child's answer, worked out once on the way up rather than again at every ancestor.
  const seen = new Map<RootContent, boolean>();
  for (const child of node.children) {
    // WordPress's lists are tight (<li>words</li>); hast-util-to-mdast reads the source's
    // newlines between items as loose ones, which would put every item in a <p>.
    if (child.type === 'list' || child.type === 'listItem') child.spread = false;
    if ('children' in child) seen.set(child, tidyParent(child, lost));
    // Spaces at the ends of a code block's lines are invisible, and validators flag them.
    else if (child.type === 'code') child.value = child.value.replace(/[ \t]+$/gm, '');
  }
  if (HOLD_WORDS.has(node.type)) {
    const inCell = node.type === 'tableCell';
    let words = node.children as RootContent[];
    if (!words.every(isPhrasing)) {
      words = flattenToPhrasing(words, inCell ? lineBreak : undefined);
    }
    let phrasing = words as PhrasingContent[];
    // A Markdown table row is one line: its line breaks are written as <br />.
    if (inCell) phrasing = phrasing.map((child) => (child.type === 'break' ? lineBreak() : child));
    // At either end of a line, a paragraph, a cell or a caption, a line break is only noise
    // (and MDX refuses one right before a closing tag such as </figcaption>).
    if (node.type !== 'link' && node.type !== 'emphasis' && node.type !== 'strong') {
      phrasing = trimBreaks(phrasing);
    }
    node.children = phrasing;
  }
  const shows = (child: RootContent) => seen.get(child) ?? hasContent(child);
  node.children = tidyMarks(node.children as RootContent[]).filter(
    (child) =>
      child.type !== 'html' &&
      !(DROP_WHEN_EMPTY.has(child.type) && !shows(child) && !isVoid(child)),
  ) as Parent['children'];
  return (node.children as RootContent[]).some(shows);
}

const isVoid = (node: RootContent) =>
  node.type === 'mdxJsxTextElement' && VOID.has(node.name ?? '');

/**
 * Last touches to the Markdown tree: words where only words may stand (a list in a table cell
 * becomes its lines), no empty paragraphs, headings or links (WordPress's `<p>&nbsp;</p>`
 * spacers among them), no stray line breaks, and no raw HTML, which MDX would read as JSX.
 */
export function tidy(root: Root, lost: LostList): void {
  tidyParent(root, lost);
}
