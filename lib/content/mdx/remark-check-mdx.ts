import type { Root } from 'mdast';
import {
  checkComponentUse,
  COMPONENT_NAMES,
  COMPONENT_RULES,
  componentPlacementProblems,
} from './component-rules';
import { holdsText, htmlElementProblems } from './html-rules';
import { strayBlocks } from './live-rules';
import { codeProblem, elementCodeProblems, isCodeAttribute } from './code-rules';
import {
  contentOf,
  isComponent,
  isJsx,
  lineOf,
  type JsxElement,
  type MdxNode,
  type Problem,
} from './tree';
import { refusedScheme, URL_FIX } from './safe-url';

export type MdxProblem = Problem & { line?: number };

/** Nodes whose children are words within a line: a box cannot stand there. */
const SENTENCES = 'paragraph heading tableCell emphasis strong delete link linkReference'.split(
  ' ',
);

type Where = { inSentence: boolean; parent: MdxNode; enclosing: string | undefined };

/** A component's attributes as written in quotes, and the names of those written as code. */
function attributesOf(element: JsxElement) {
  const attributes: Record<string, string | null> = {};
  const asCode: string[] = [];
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (isCodeAttribute(attribute)) asCode.push(attribute.name);
    else attributes[attribute.name] = typeof attribute.value === 'string' ? attribute.value : null;
  }
  return { attributes, asCode };
}

function elementProblems(element: JsxElement, where: Where): (Problem & { at?: MdxNode })[] {
  const { name } = element;
  const code = elementCodeProblems(element);
  if (!name || /[.:]/.test(name)) return code;
  if (isComponent(element)) {
    return [
      ...code,
      ...checkComponentUse({ name, ...attributesOf(element) }),
      ...componentPlacementProblems({ ...element, name }, where),
    ];
  }
  const parentName = isJsx(where.parent) ? (where.parent.name ?? undefined) : undefined;
  const html = htmlElementProblems(
    { ...element, name },
    { inSentence: where.inSentence, parentName },
    COMPONENT_NAMES,
  );
  // "<img> is not allowed" reads better before "its onerror is a script".
  return [...html.slice(0, 1), ...code, ...html.slice(1)];
}

/**
 * Whether a node says anything a screen reader could read out: words, inline code, or a
 * picture with a description. An empty heading renders `<h2 id="">`, an empty link an
 * unnamed one: both invalid, and silent for anyone not looking.
 */
function saysSomething(node: MdxNode): boolean {
  if (node.type === 'text' || node.type === 'inlineCode')
    return typeof node.value === 'string' && node.value.trim() !== '';
  if (node.type === 'image') return typeof node.alt === 'string' && node.alt.trim() !== '';
  return (node.children ?? []).some(saysSomething);
}

function nodeProblems(node: MdxNode, where: Where): (Problem & { at?: MdxNode })[] {
  const code = codeProblem(node);
  if (code) return [code];
  if (isJsx(node)) return elementProblems(node, where);
  if (node.type === 'heading' && !saysSomething(node))
    return [{ problem: 'a heading without words', fix: 'write words after the #, or remove it' }];
  if (node.type === 'link' && !saysSomething(node))
    return [{ problem: 'a link without words', fix: 'write the words to click: [words](address)' }];
  const scheme = node.url === undefined ? null : refusedScheme(node.url);
  if (scheme && node.type === 'image') {
    return [
      {
        problem: `a picture from a ${scheme}: address is refused`,
        fix: 'use a picture under /images/, or an https:// address',
      },
    ];
  }
  if (scheme) return [{ problem: `a ${scheme}: link is refused`, fix: URL_FIX }];
  return [];
}

/** The box a node's children stand in: a frame (a live entry) lets boxes in as if it were not there. */
const enclosingFor = (node: MdxNode, around: string | undefined) =>
  isComponent(node) && !COMPONENT_RULES[node.name]?.frame ? node.name : around;

/** Every problem in an article's MDX, in the order they appear. */
export function checkMdxTree(tree: MdxNode): MdxProblem[] {
  const problems: MdxProblem[] = [];
  const strays = strayBlocks(tree);
  const visit = (node: MdxNode, where: Where) => {
    for (const child of contentOf(node)) {
      const stray = node === tree ? strays.get(child) : undefined;
      const found = nodeProblems(child, where);
      const all: (Problem & { at?: MdxNode })[] = stray ? [stray, ...found] : found;
      for (const { at, ...problem } of all) {
        const line = lineOf(at ?? child);
        problems.push(line === undefined ? problem : { ...problem, line });
      }
      visit(child, {
        parent: child,
        // A component or an HTML box holds blocks of its own, even when written on one line.
        inSentence: isJsx(child)
          ? !isComponent(child) && holdsText(child.name)
          : SENTENCES.includes(child.type),
        enclosing: enclosingFor(child, where.enclosing),
      });
    }
  };
  visit(tree, { inSentence: false, parent: tree, enclosing: undefined });
  return problems;
}

/**
 * Refuses MDX that is code rather than content, and components and HTML used where they would
 * render broken markup, naming the line and what to write instead. Without `report` it fails
 * the compile (the content build); with it, problems are handed over so the content check
 * lists them with everything else.
 */
export function remarkCheckMdx(options: { report?: (problem: MdxProblem) => void } = {}) {
  return (tree: Root) => {
    const problems = checkMdxTree(tree as unknown as MdxNode);
    if (options.report) {
      for (const problem of problems) options.report(problem);
    } else if (problems.length > 0) {
      const lines = problems.map(
        (p) => `${p.line === undefined ? '' : `line ${p.line}: `}${p.problem}; ${p.fix}`,
      );
      throw new Error(lines.join('\n'));
    }
  };
}
