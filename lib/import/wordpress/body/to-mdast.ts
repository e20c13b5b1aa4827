import type { Element, Root as HastRoot } from 'hast';
import { toMdast, type Handle, type State } from 'hast-util-to-mdast';
import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { isElement, stringProperty } from './hast';
import { flattenToPhrasing, isPhrasing } from './phrasing';

const attributes = (values: Record<string, string | undefined>): MdxJsxAttribute[] =>
  Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value }));

const flowElement = (
  name: string,
  children: RootContent[],
  values: Record<string, string | undefined> = {},
): MdxJsxFlowElement => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: attributes(values),
  children: children as MdxJsxFlowElement['children'],
});

/**
 * A box's one-line part (a figure's caption, a details' summary) written as `<tag>words</tag>`
 * on a line of its own: MDX lifts it out of its paragraph, so it renders without a <p>.
 */
const lineElement = (name: string, children: PhrasingContent[]): Paragraph => ({
  type: 'paragraph',
  children: [{ type: 'mdxJsxTextElement', name, attributes: [], children }],
});

/** Words only: whatever else a caption holds (a paragraph, a stray list) gives its words. */
const wordsOf = (state: State, node: Element): PhrasingContent[] =>
  flattenToPhrasing(state.all(node));

const hasWords = (nodes: PhrasingContent[]) =>
  nodes.some((node) => node.type !== 'text' || node.value.trim() !== '') &&
  nodes.some((node) => node.type !== 'break');

/**
 * A picture, a table (or anything else) with a caption is a <figure> with a <figcaption>;
 * without one it is just the picture. A table's region (rehype-table-regions) is named after
 * its figure's caption.
 */
const figure: Handle = (state, node) => {
  const captions = node.children.filter((child) => isElement(child, 'figcaption'));
  const rest = node.children.filter((child) => !isElement(child, 'figcaption'));
  const content = state.toFlow(state.all({ ...node, children: rest }));
  const caption = captions.flatMap((child) => (isElement(child) ? wordsOf(state, child) : []));
  if (!hasWords(caption)) return content;
  if (content.length === 0) {
    return [...content, { type: 'paragraph', children: [{ type: 'emphasis', children: caption }] }];
  }
  return flowElement('figure', [...content, lineElement('figcaption', caption)]);
};

const pullQuote: Handle = (state, node) => {
  const children = state.toFlow(state.all(node));
  if (children.length === 0) return undefined;
  return flowElement('PullQuote', children, { cite: stringProperty(node, 'cite') });
};

const details: Handle = (state, node) => {
  const summary = node.children.find((child) => isElement(child, 'summary'));
  const rest = node.children.filter((child) => child !== summary);
  const words = isElement(summary) ? wordsOf(state, summary) : [];
  const children: RootContent[] = state.toFlow(state.all({ ...node, children: rest }));
  if (children.length === 0) return undefined;
  // A <details> must open with a <summary>: without words for one, its content stays in the
  // text, shown, rather than behind a control named only "Details".
  if (!hasWords(words)) return children as ReturnType<Handle>;
  children.unshift(lineElement('summary', words));
  const element = flowElement('details', children);
  if (node.properties.open)
    element.attributes.push({ type: 'mdxJsxAttribute', name: 'open', value: null });
  return element;
};

/** Inline marks Markdown has no syntax for, kept as the HTML the content check allows. */
const mark =
  (attributeNames: string[] = []): Handle =>
  (state, node) => {
    const children = state.all(node);
    if (!children.every(isPhrasing)) return children;
    if (children.length === 0) return undefined;
    const values = Object.fromEntries(
      attributeNames.map((name) => [name, stringProperty(node, name)]),
    );
    const result: MdxJsxTextElement = {
      type: 'mdxJsxTextElement',
      name: node.tagName,
      attributes: attributes(values),
      children,
    };
    return result;
  };

const footnoteReference: Handle = (_state, node) => {
  const identifier = stringProperty(node, 'identifier') ?? '';
  return { type: 'footnoteReference', identifier, label: identifier };
};

const footnoteDefinition: Handle = (state, node) => {
  const identifier = stringProperty(node, 'identifier') ?? '';
  const children = state.toFlow(state.all(node)) as BlockContent[];
  return { type: 'footnoteDefinition', identifier, label: identifier, children };
};

/** The cleaned HTML as Markdown's tree, with Masthead's elements where Markdown has none. */
export function htmlToMdast(tree: HastRoot): Root {
  const handlers: Record<string, Handle> = {
    figure,
    PullQuote: pullQuote,
    details,
    FootnoteRef: footnoteReference,
    FootnoteDefinition: footnoteDefinition,
    sup: mark(),
    sub: mark(),
    mark: mark(),
    ins: mark(['dateTime']),
    u: mark(),
    small: mark(),
    cite: mark(),
    dfn: mark(['title']),
    var: mark(),
    abbr: mark(['title']),
    time: mark(['dateTime']),
  };
  const result = toMdast(tree, {
    handlers,
    // An HTML comment would reach MDX as `<!--…-->`, which MDX refuses.
    nodeHandlers: { comment: () => undefined },
  });
  return result.type === 'root' ? result : { type: 'root', children: [result as RootContent] };
}
