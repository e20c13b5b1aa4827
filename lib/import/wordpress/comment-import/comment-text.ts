import { htmlFragment } from '../body/html';
import type { Element, Nodes } from 'hast';
import { cleanText } from '@/lib/comments/sanitize';
import { webAddress } from '@/lib/comments/text';
import { PlainText } from './plain-text';

/**
 * The longest comment WordPress itself accepts (wp_handle_comment_submission: 65,525
 * characters). Longer text did not come from its form; it is cut there and the cut reported.
 */
export const WORDPRESS_COMMENT_MAX = 65_525;

export type CommentText = { text: string; lost: string[] };

/** Never text: their content is code, styling or a control, not words a reader wrote. */
const UNSEEN = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'textarea']);
const CONTROLS = new Set(['input', 'button', 'select', 'option', 'optgroup', 'datalist']);
/** Another site's content inside the page: the store shows text only, so they go, reported. */
const EMBEDDED = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'audio',
  'video',
  'canvas',
  'svg',
  'math',
  'portal',
]);
/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'table',
  'hr',
  'figure',
  'figcaption',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'nav',
  'main',
  'address',
  'details',
  'summary',
  'center',
  'fieldset',
  'legend',
  'caption',
  'form',
]);

const property = (element: Element, name: string): string => {
  const value = element.properties[name];
  return typeof value === 'string' ? value : '';
};

/** An address as a reader would compare it: no scheme, no "www.", no trailing slash. */
const bareAddress = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');

class Converter {
  readonly lost = new Set<string>();

  constructor(readonly out: PlainText) {}

  node(node: Nodes, pre: boolean): void {
    if (this.out.full) return;
    if (node.type === 'text') {
      if (pre) this.out.preformatted(node.value);
      else this.out.text(node.value);
    } else if (node.type === 'root') {
      this.children(node.children, pre);
    } else if (node.type === 'element') {
      this.element(node, pre);
    }
    // Comments, doctypes: nothing a reader sees.
  }

  children(nodes: readonly Nodes[], pre: boolean): void {
    for (const child of nodes) this.node(child, pre);
  }

  element(element: Element, pre: boolean): void {
    const tag = element.tagName;
    if (UNSEEN.has(tag)) {
      if (tag === 'script' || tag === 'style') this.lost.add('scripts and styles removed');
      return;
    }
    if (CONTROLS.has(tag)) return;
    if (EMBEDDED.has(tag)) {
      this.lost.add(`embedded content removed (${tag})`);
      return;
    }
    switch (tag) {
      case 'br':
        this.out.lineBreak();
        return;
      case 'img':
        return this.image(element);
      case 'a':
        return this.link(element, pre);
      case 'pre':
        this.out.paragraph();
        this.children(element.children, true);
        this.out.paragraph();
        return;
      case 'blockquote':
        return this.quote(element, pre);
      case 'ul':
      case 'ol':
        return this.list(element, pre);
      case 'li':
        return this.listItem(element, pre, '-');
      case 'tr':
        this.out.startLine();
        this.children(element.children, pre);
        this.out.lineBreak();
        return;
      case 'td':
      case 'th':
        this.out.text(' ');
        this.children(element.children, pre);
        this.out.text(' ');
        return;
      case 'q':
        this.out.text('“');
        this.children(element.children, pre);
        this.out.text('”');
        return;
    }
    const block = BLOCKS.has(tag);
    if (block) this.out.paragraph();
    this.children(element.children, pre);
    if (block) this.out.paragraph();
  }

  image(element: Element): void {
    const alt = property(element, 'alt').trim();
    const src = property(element, 'src').trim().slice(0, 300);
    this.lost.add(`picture not kept${src ? ` (${src})` : ''}`);
    if (alt !== '') this.out.text(`[picture: ${alt}]`);
  }

  /**
   * The store links only addresses written out in the text, so a link keeps its words and is
   * followed by its address, unless the words are the address. Where it leads is always shown:
   * words that look like one address cannot hide another.
   */
  link(element: Element, pre: boolean): void {
    const inner = new Converter(new PlainText(WORDPRESS_COMMENT_MAX));
    inner.children(element.children, pre);
    for (const lost of inner.lost) this.lost.add(lost);
    const label = inner.out.toString().replace(/\s+/g, ' ');
    const written = property(element, 'href').trim();
    const href = webAddress(written);
    if (href === null) {
      if (written !== '' && !written.startsWith('#')) {
        this.lost.add('links to addresses other than web pages kept as their words');
      }
      this.out.text(label);
      return;
    }
    // As written when that is one unbroken address, so the store finds the same one.
    const shown = /^[^\s<>"'()]+$/u.test(written) && webAddress(written) === href ? written : href;
    if (label === '' || bareAddress(label) === bareAddress(shown)) {
      this.out.address(shown);
      return;
    }
    this.out.text(label);
    this.out.text(' (');
    this.out.address(shown);
    this.out.text(')');
  }

  quote(element: Element, pre: boolean): void {
    const inner = new Converter(new PlainText(WORDPRESS_COMMENT_MAX));
    inner.children(element.children, pre);
    for (const lost of inner.lost) this.lost.add(lost);
    const text = inner.out.toString();
    if (text === '') return;
    this.out.paragraph();
    this.out.preformatted(text.replace(/^/gm, '> ').replace(/^> $/gm, '>'));
    this.out.paragraph();
  }

  list(element: Element, pre: boolean): void {
    const start = Number(property(element, 'start') || element.properties.start);
    let number = Number.isSafeInteger(start) ? start : 1;
    this.out.paragraph();
    for (const child of element.children) {
      if (child.type === 'element' && child.tagName === 'li') {
        this.listItem(child, pre, element.tagName === 'ol' ? `${number++}.` : '-');
      } else this.node(child, pre);
    }
    this.out.paragraph();
  }

  listItem(element: Element, pre: boolean, marker: string): void {
    const inner = new Converter(new PlainText(WORDPRESS_COMMENT_MAX));
    inner.children(element.children, pre);
    for (const lost of inner.lost) this.lost.add(lost);
    // One line an item: a list inside an item continues the list, not a new paragraph.
    this.out.startLine();
    this.out.preformatted(`${marker} ${inner.out.toString().replace(/\n{2,}/g, '\n')}`);
    this.out.lineBreak();
  }
}

const cutNote = (max: number) => `text cut to ${max.toLocaleString('en-GB')} characters`;

/** Text without markup, spaced as PlainText.text spaces it, in a few passes over the string. */
const plainWords = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v ]+/g, ' ')
    .replace(/^ +| +$/gm, '')
    .replace(/\n{3,}/g, '\n\n');

/** Cuts at `max` characters without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * A WordPress comment's HTML as the store's own comments are written: plain text in which
 * paragraphs, line breaks and web addresses survive, and markup never does. Scripts, styles,
 * frames and media go with their content; a picture keeps its description; a link keeps its
 * words and its address. Invisible and control characters go as the comment form removes them
 * (lib/comments/sanitize.ts). Total: any string in, a text and what it lost out.
 */
export function commentText(html: string, max: number = WORDPRESS_COMMENT_MAX): CommentText {
  // Most comments are words only: no parser, and the same whitespace rules as PlainText's.
  if (!/[<&]/.test(html)) {
    const whole = cleanText(plainWords(html), { multiline: true }).trim();
    const text = cut(whole, max).trimEnd();
    const lost = text.length < whole.length ? [cutNote(max)] : [];
    return { text, lost };
  }
  const out = new PlainText(max);
  const converter = new Converter(out);
  converter.node(htmlFragment(html), false);
  const whole = cleanText(out.toString(), { multiline: true }).trim();
  const text = cut(whole, max).trimEnd();
  const lost = [...converter.lost];
  if (out.truncated || text.length < whole.length) {
    lost.push(cutNote(max));
  }
  return { text, lost };
}

/** A name, address or other one-line field as WordPress stored it (HTML) as one line of text. */
export function oneLineText(html: string, max: number): string {
  let words = html;
  if (/[<&]/.test(html)) {
    const out = new PlainText(max * 4);
    new Converter(out).node(htmlFragment(html), false);
    words = out.toString();
  }
  const text = cleanText(words.slice(0, max * 4), { multiline: false })
    .replace(/\s+/g, ' ')
    .trim();
  return cut(text, max).trim();
}
