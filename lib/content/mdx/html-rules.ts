import { isCodeAttribute } from './code-rules';
import { contentOf, type JsxElement, type Problem } from './tree';
import { refusedScheme, URL_FIX } from './safe-url';

/**
 * The lower-case HTML an editor may write in an article: the inline marks Markdown has no
 * syntax for, and two boxes (details, figure). Everything else is refused with what to write
 * instead: Markdown for what Markdown does, a component for the rest. An allowlist, because a
 * list of what to refuse is one new element short of a hole.
 */

/** The marks an editor may write within a line of text. */
export const INLINE_MARKS = (
  'a abbr b bdi bdo br cite code del dfn em i ins kbd mark q s samp small span strong sub sup ' +
  'time u var wbr'
).split(' ');

type HtmlRule = {
  /** A box of its own: may not stand inside a sentence. */
  block?: true;
  /** Holds only text and inline marks, not paragraphs or lists. */
  holdsText?: true;
  inside?: string;
  attributes?: string[];
};

/** Markdown blocks, which a mark within a line cannot hold. */
const BLOCKS = ['paragraph', 'heading', 'list', 'table', 'blockquote', 'code', 'thematicBreak'];
const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir'];
const URL_ATTRIBUTES = ['href', 'cite'];
const WHEN = ['datetime', 'dateTime'];

const HTML_RULES: Record<string, HtmlRule> = {
  ...Object.fromEntries(INLINE_MARKS.map((name) => [name, { holdsText: true } satisfies HtmlRule])),
  a: { holdsText: true, attributes: ['href'] },
  q: { holdsText: true, attributes: ['cite'] },
  del: { holdsText: true, attributes: ['cite', ...WHEN] },
  ins: { holdsText: true, attributes: ['cite', ...WHEN] },
  time: { holdsText: true, attributes: WHEN },
  details: { block: true, attributes: ['open'] },
  summary: { block: true, holdsText: true, inside: 'details' },
  figure: { block: true },
  figcaption: { block: true, inside: 'figure' },
};

/** The same advice for every element in a space-separated list. */
const each = (names: string, advice: (name: string) => Problem) =>
  Object.fromEntries(names.split(' ').map((name) => [name, advice]));
const markdownFor = (fix: string) => (name: string) => ({
  problem: `<${name}> is HTML that Markdown writes for you`,
  fix,
});

const REFUSED: Record<string, (name: string) => Problem> = {
  script: () => ({
    problem: '<script> would run code in the page',
    fix: 'remove it; for something interactive, ask the developers for a component',
  }),
  ...each(
    'iframe embed object video audio source track picture svg canvas frame frameset portal',
    (name) => ({
      problem: `<${name}> embeds another page or media, which articles cannot do yet`,
      fix: 'link to it instead, e.g. [Watch the video](https://…); components for videos and social posts will come',
    }),
  ),
  ...each('style link meta base', (name) => ({
    problem: `<${name}> changes the page, not the article`,
    fix: "remove it: the site's design styles every article",
  })),
  ...each('form input button select textarea label option fieldset', (name) => ({
    problem: `<${name}> is a form control`,
    fix: 'remove it, and link to the form instead',
  })),
  img: markdownFor('write ![what the picture shows](/images/picture.jpg)'),
  p: markdownFor('leave a blank line between paragraphs'),
  ...each('h1 h2 h3 h4 h5 h6', markdownFor('write ## Heading, or ### for a smaller one')),
  ...each('ul ol li', markdownFor('write a list as lines starting with - (or 1.)')),
  blockquote: markdownFor('start each quoted line with >'),
  hr: markdownFor('write a line of three asterisks: ***'),
  pre: markdownFor('put code between two lines of three backticks: ```'),
  ...each(
    'table thead tbody tfoot tr th td caption',
    markdownFor('write a Markdown table, as the style guide shows'),
  ),
};

const SPECIAL_ATTRIBUTES: Record<string, string> = {
  style: "remove it: the site's design styles every article; use **bold** or _italic_ for emphasis",
  class: "remove it: the site's design styles every article",
  className: "remove it: the site's design styles every article",
  id: 'remove it: headings get their link anchors by themselves',
  srcdoc: 'remove it: an article cannot embed a page',
};

/** Whether an element marks words within a line, so that what it holds is in a sentence too. */
export const holdsText = (name: string | null) =>
  name ? HTML_RULES[name]?.holdsText === true : false;

/** Problems with one lower-case element as written, given whether it stands inside a sentence. */
export function htmlElementProblems(
  element: JsxElement & { name: string },
  where: { inSentence: boolean; parentName: string | undefined },
  components: string[],
): Problem[] {
  const { name } = element;
  const rule = HTML_RULES[name];
  if (!rule) {
    const refused = REFUSED[name];
    if (refused) return [refused(name)];
    const component = components.find((c) => c.toLowerCase() === name.toLowerCase());
    return [
      {
        problem: `<${name}> is not an element an article may use`,
        fix: component
          ? `write <${component}>, with a capital letter`
          : `write Markdown, or use one of the components: ${components.join(', ')}`,
      },
    ];
  }
  const problems: Problem[] = [];
  if (rule.block && where.inSentence) {
    problems.push({
      problem: `<${name}> cannot go inside a sentence`,
      fix: `put <${name}> and </${name}> on lines of their own`,
    });
  } else if (rule.inside && where.parentName !== rule.inside) {
    problems.push({
      problem: `<${name}> only works inside <${rule.inside}>`,
      fix: `put it between <${rule.inside}> and </${rule.inside}>`,
    });
  }
  if (rule.holdsText && contentOf(element).some((child) => BLOCKS.includes(child.type))) {
    problems.push({
      problem: `<${name}> holds words within a line, not paragraphs, lists or headings`,
      fix: `write <${name}>…</${name}> inside the sentence it belongs to`,
    });
  }
  const allowed = [...GLOBAL_ATTRIBUTES, ...(rule.attributes ?? [])];
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || isCodeAttribute(attribute)) continue;
    const value = typeof attribute.value === 'string' ? attribute.value : '';
    if (!allowed.includes(attribute.name)) {
      problems.push({
        problem: `\`${attribute.name}\` is not an attribute <${name}> may have`,
        fix:
          SPECIAL_ATTRIBUTES[attribute.name] ??
          `remove it; <${name}> may have ${allowed.join(', ')}`,
      });
      continue;
    }
    const scheme = URL_ATTRIBUTES.includes(attribute.name) ? refusedScheme(value) : null;
    if (scheme) {
      problems.push({
        problem: `<${name}> ${attribute.name}: a ${scheme}: link is refused`,
        fix: URL_FIX,
      });
    }
    if (attribute.name === 'dir' && !['ltr', 'rtl', 'auto'].includes(value)) {
      problems.push({
        problem: `<${name}> dir: "${value}" is not a direction`,
        fix: 'write dir="rtl", dir="ltr" or dir="auto"',
      });
    }
  }
  return problems;
}
