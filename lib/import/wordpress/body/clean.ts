import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { mediaRule } from './clean-media';
import { wordpressRule } from './clean-wordpress';
import { element, textNode, textOf } from './hast';
import type { LostList } from './lost';
import { MAX_DEPTH, type CleanState, type Where } from './clean-types';

const FORM_CONTROL = 'a form control (removed)';

/** Elements whose content is not the article's, removed whole; the message is what the report says. */
const REMOVED: Record<string, string | null> = {
  script: 'a script (removed)',
  style: 'a style sheet (removed)',
  svg: 'an SVG drawing (removed)',
  canvas: 'a drawing canvas (removed)',
  applet: 'a Java applet (removed)',
  frame: 'a frame (removed)',
  frameset: 'a frame (removed)',
  ...Object.fromEntries(
    'input select textarea button option optgroup datalist output keygen progress meter'
      .split(' ')
      .map((name) => [name, FORM_CONTROL]),
  ),
  ...Object.fromEntries(
    'head title meta base link template noscript source track param area col colgroup wbr'
      .split(' ')
      .map((name) => [name, null]),
  ),
};

/** The attributes Markdown or an allowed inline mark can carry; everything else goes. */
const KEPT: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'alt'],
  td: ['colSpan', 'rowSpan'],
  th: ['colSpan', 'rowSpan'],
  ol: ['start'],
  abbr: ['title'],
  dfn: ['title'],
  time: ['dateTime'],
  del: ['dateTime'],
  ins: ['dateTime'],
};

/** A spanning cell is split into as many cells: bounded, as browsers bound them. */
const MAX_SPAN = { colSpan: 20, rowSpan: 100 };

function keptProperties(node: Element): Properties {
  const kept: Properties = {};
  for (const name of KEPT[node.tagName] ?? []) {
    const value = node.properties[name];
    if (value === undefined || value === null) continue;
    if (name === 'colSpan' || name === 'rowSpan') {
      const span = Math.trunc(Number(value));
      if (Number.isFinite(span) && span > 1) kept[name] = Math.min(span, MAX_SPAN[name]);
    } else {
      kept[name] = typeof value === 'string' ? value.slice(0, 2_000) : String(value);
    }
  }
  if (node.tagName === 'code') {
    const language = (Array.isArray(node.properties.className) ? node.properties.className : [])
      .map(String)
      .find((name) => /^language-[\w+#-]{1,40}$/.test(name));
    if (language) kept.className = [language];
  }
  return kept;
}

function reportHandlers(node: Element, lost: LostList) {
  for (const name of Object.keys(node.properties)) {
    if (/^on[a-z]/i.test(name)) lost.add(`an ${name.toLowerCase()} script (removed)`);
  }
}

function cleanChildren(
  children: readonly (RootContent | ElementContent)[],
  state: CleanState,
  where: Where,
): ElementContent[] {
  return children.flatMap((child) => cleanNode(child, state, where));
}

function cleanNode(
  node: RootContent | ElementContent,
  state: CleanState,
  where: Where,
): ElementContent[] {
  if (node.type === 'text') return [node];
  if (node.type === 'comment') {
    if (node.value.trim() === 'nextpage') {
      state.lost.add('page breaks (<!--nextpage-->): the pages are joined into one');
    }
    return [];
  }
  if (node.type !== 'element') return [];
  reportHandlers(node, state.lost);
  const removed = Object.hasOwn(REMOVED, node.tagName) ? REMOVED[node.tagName] : undefined;
  if (removed !== undefined) {
    if (removed !== null) state.lost.add(removed);
    return [];
  }
  // Past MAX_DEPTH only the words are kept, read without recursion however deep the rest goes.
  if (where.depth >= MAX_DEPTH) return [textNode(textOf(node))];
  const clean = (children: readonly (RootContent | ElementContent)[], at: Where) =>
    cleanChildren(children, state, at);
  const ruled = wordpressRule(node, state, where, clean) ?? mediaRule(node, state, where, clean);
  if (ruled) return ruled;
  const children = cleanChildren(node.children, state, { ...where, depth: where.depth + 1 });
  // Lists Markdown writes otherwise than WordPress showed them.
  if (node.tagName === 'ol' && node.properties.reversed)
    state.lost.add('a list numbered downwards (reversed): its numbers now count up');
  if (node.tagName === 'dl')
    state.lost.add(
      'a definition list: written as a bulleted list, each term in bold above its definition',
    );
  // Markdown has no definition list: each term leads its item, in bold, its definition below.
  if (node.tagName === 'dt') return [element('dt', {}, [element('strong', {}, children)])];
  // HTML5 dropped <acronym> for <abbr>, which the content check allows.
  if (node.tagName === 'acronym')
    return [element('abbr', keptProperties({ ...node, tagName: 'abbr' }), children)];
  if (node.tagName === 'blockquote') return [element('blockquote', {}, citeOnItsLine(children))];
  return [element(node.tagName, keptProperties(node), children)];
}

/** A quote block's <cite> names who said it: a line of its own, as WordPress shows it. */
function citeOnItsLine(children: ElementContent[]): ElementContent[] {
  return children.map((child) =>
    child.type === 'element' && child.tagName === 'cite' ? element('p', {}, [child]) : child,
  );
}

/**
 * Keeps what an article may hold and nothing else: no scripts, styles, frames, forms, event
 * handlers, classes or inline styles. WordPress's own markup (pull quotes, embeds, captions,
 * verse, footnotes) becomes what Masthead writes for it; pictures get the site's paths.
 */
export function cleanTree(root: Root, state: CleanState): void {
  root.children = cleanChildren(root.children, state, { depth: 0, inPullQuote: false });
}
