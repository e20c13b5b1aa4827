/**
 * The parts of an MDX syntax tree (mdast with remark-mdx's nodes) the content rules read, typed
 * here so the rules do not depend on which packages augment mdast's types.
 */
export type MdxNode = {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  alt?: string | null;
  attributes?: JsxAttribute[];
  children?: MdxNode[];
  data?: { estree?: { body?: unknown[] } | null };
  position?: { start: { line: number } };
};

export type JsxAttribute =
  | {
      type: 'mdxJsxAttribute';
      name: string;
      value?: string | null | { type: string; value: string };
    }
  | { type: 'mdxJsxExpressionAttribute'; value: string };

export type JsxElement = MdxNode & {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: MdxNode[];
};

/** What is wrong and what to write instead: the two halves of every message editors read. */
export type Problem = { problem: string; fix: string };

export const isJsx = (node: MdxNode): node is JsxElement =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** Masthead components are capitalised; lower-case tags are HTML. */
export const isComponent = (node: MdxNode): node is JsxElement & { name: string } =>
  isJsx(node) && typeof node.name === 'string' && /^[A-Z]/.test(node.name);

export const isWhitespace = (node: MdxNode) =>
  node.type === 'text' && typeof node.value === 'string' && node.value.trim() === '';

/** An expression holding only a comment, MDX's way to leave a note: it renders nothing. */
export const isComment = (node: MdxNode) =>
  (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
  Array.isArray(node.data?.estree?.body) &&
  node.data.estree.body.length === 0;

/**
 * A paragraph that holds only tags, comments and spaces is not a paragraph once compiled: MDX
 * (remark-mark-and-unravel in @mdx-js/mdx) lifts its tags into the block around it, which is
 * how `<Question …>…</Question>` on a line of its own becomes a child of <ReaderQuestions>.
 * The content check parses without that step, the build runs after it; the rules see the
 * compiled shape in both.
 */
export function unravels(node: MdxNode): boolean {
  if (node.type !== 'paragraph' || !node.children) return false;
  let tags = 0;
  for (const child of node.children) {
    if (child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression') tags += 1;
    else if (!isWhitespace(child)) return false;
  }
  return tags > 0;
}

/** A node's children as the compiled page has them: unravelled, without spaces and comments. */
export function contentOf(node: MdxNode): MdxNode[] {
  return (node.children ?? [])
    .flatMap((child) => (unravels(child) ? (child.children ?? []) : [child]))
    .filter((child) => !isWhitespace(child) && !isComment(child));
}

export const lineOf = (node: MdxNode) => node.position?.start.line;

/** What an editor would call a block, in messages: "a paragraph", "a list". */
export function describe(node: MdxNode): string {
  if (isJsx(node)) return node.name ? `<${node.name}>` : '<>';
  const names: Record<string, string> = {
    paragraph: 'text',
    heading: 'a heading',
    list: 'a list',
    listItem: 'a list',
    table: 'a table',
    blockquote: 'a block quote',
    code: 'a code block',
    thematicBreak: 'a dividing line',
  };
  return names[node.type] ?? 'text';
}
