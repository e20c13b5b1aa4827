import { isComment, type JsxAttribute, type JsxElement, type MdxNode, type Problem } from './tree';

/**
 * MDX is content, not code. What MDX would otherwise run — `{expressions}`, `import`/`export`,
 * attribute values in braces, spread attributes, event handlers — is refused here, because one
 * `{process.env.SECRET}` prints a server secret into a page and one `import` bundles any file
 * into it.
 */

const excerpt = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
};

/** ESM and `{…}` expressions, wherever they stand. */
export function codeProblem(node: MdxNode): Problem | null {
  // Only what an editor wrote has a position; a plugin's generated code would have none, and is
  // not theirs to fix. (The frontmatter is split off before MDX sees the body: build/frontmatter.ts.)
  if (node.type === 'mdxjsEsm' && node.position) {
    const code = excerpt(String(node.value));
    return code.startsWith('import')
      ? {
          problem: `\`${code}\` loads code into the article`,
          fix: 'remove the line: components need no import, and an article cannot load code or files',
        }
      : { problem: `\`${code}\` is JavaScript`, fix: 'remove the line and write the text itself' };
  }
  if (
    (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
    !isComment(node)
  ) {
    return {
      problem: `\`{${excerpt(String(node.value))}}\` is JavaScript, and an article cannot run code`,
      fix: 'write the text itself; to show a curly brace, write \\{',
    };
  }
  return null;
}

const isEventHandler = (name: string) => /^on/i.test(name);

/** An attribute that is code, which the rules for each element leave to this module. */
export const isCodeAttribute = (attribute: JsxAttribute) =>
  attribute.type === 'mdxJsxExpressionAttribute' ||
  isEventHandler(attribute.name) ||
  (attribute.value !== null && typeof attribute.value === 'object');

/** Tags and attributes that are code: fragments, `<a.b>`, `{...spread}`, `x={…}`, `on…=`. */
export function elementCodeProblems(element: JsxElement): Problem[] {
  const problems: Problem[] = [];
  if (element.name === null) {
    problems.push({
      problem: '`<>` is JSX, not content',
      fix: 'remove <> and </> and keep the text between them',
    });
  } else if (/[.:]/.test(element.name)) {
    problems.push({
      problem: `\`<${element.name}>\` is JSX, not an element an article may use`,
      fix: 'write Markdown, or use one of the components',
    });
  }
  const tag = `<${element.name ?? ''}>`;
  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push({
        problem: `\`{${excerpt(attribute.value)}}\` on ${tag} passes code`,
        fix: 'write each attribute as name="text"',
      });
    } else if (isEventHandler(attribute.name)) {
      problems.push({
        problem: `\`${attribute.name}\` on ${tag} is an event handler, which runs a script`,
        fix: 'remove it: an article cannot run scripts',
      });
    } else if (attribute.value !== null && typeof attribute.value === 'object') {
      problems.push({
        problem: `\`${attribute.name}={${excerpt(attribute.value.value)}}\` on ${tag} is JavaScript`,
        fix: `write ${attribute.name}="…" with the text in quotes`,
      });
    }
  }
  return problems;
}
