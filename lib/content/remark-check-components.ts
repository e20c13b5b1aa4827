import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { checkComponentUse } from './component-rules';

type JsxAttribute = { type: string; name?: string; value?: unknown };
type JsxNode = {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  position?: { start: { line: number; column: number } };
};

function attributesOf(node: JsxNode): Record<string, string | null> {
  const attributes: Record<string, string | null> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    attributes[attribute.name] = typeof attribute.value === 'string' ? attribute.value : null;
  }
  return attributes;
}

export type ComponentProblem = { line?: number; message: string };

/**
 * Fails the content build on a component an editor wrote wrong, naming the line. Lower-case
 * tags are HTML and are left alone. With `report`, problems are handed over instead, so the
 * content check can list them with everything else.
 */
export function remarkCheckComponents(options: { report?: (problem: ComponentProblem) => void } = {}) {
  // contentlayer2 names the document in its error; the file mdx-bundler passes here is a temp entry.
  return (tree: Root) => {
    const problems: string[] = [];
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const jsx = node as unknown as JsxNode;
      if (!jsx.name || !/^[A-Z]/.test(jsx.name)) return;
      const line = jsx.position?.start.line;
      for (const problem of checkComponentUse({ name: jsx.name, attributes: attributesOf(jsx) })) {
        if (options.report) options.report({ ...(line === undefined ? {} : { line }), message: problem });
        else problems.push(line === undefined ? problem : `line ${line}: ${problem}`);
      }
    });
    if (problems.length > 0) throw new Error(problems.join('; '));
  };
}
