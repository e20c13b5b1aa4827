import { htmlFragment } from '../body/html';
import type { Nodes } from 'hast';

/**
 * Characters no name, title or standfirst keeps: controls (a newline would end a YAML line, a
 * NUL is not text), bidi embeddings and overrides (they make a name read backwards, the
 * "Trojan source" trick), zero-width spaces and joiners used to make two names look alike,
 * byte-order marks, and the two non-characters. ZWJ and ZWNJ stay: Persian and the Indic
 * scripts spell words with them, and emoji sequences need ZWJ.
 */
const INVISIBLE =
  /[\p{Cc}\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFFE\uFFFF]/gu;

/**
 * A copy of a string that holds nothing else alive. V8 makes a trimmed, sliced or matched
 * string a view into the one it came from, and the reader's strings are views into the
 * record's text: keeping a 20-character slug from each post would keep every post's body in
 * memory. Whatever outlives its record (pass 1's summaries, the report) is copied first.
 */
export const detach = (value: string): string => Buffer.from(value, 'utf8').toString('utf8');

/** More than this many combining marks on one letter is "zalgo" text, not a language. */
const MAX_MARKS = 3;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/** One line of text as a name or title may hold it: visible characters, single spaces. */
export function cleanLine(value: string, max: number): string {
  const text = value
    .toWellFormed()
    .normalize('NFC')
    .replace(/[\t\n\r\f\v\u2028\u2029]+/g, ' ')
    .replace(INVISIBLE, '')
    .replace(MARK_RUN, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return bound(text, max);
}

/** Cuts text at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function bound(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 3 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** Elements whose text a reader never sees as prose. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg']);
/** Elements that end a run of text: their neighbours are separate words. */
const BREAKS =
  /^(?:p|div|br|hr|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th|figure|figcaption|section|article|header|footer|dd|dt)$/;

/** WordPress shortcodes (`[gallery ids="1,2"]`, `[/caption]`): markup, not words. */
const SHORTCODE = /\[\/?[A-Za-z][\w-]*(?:\s[^\]]*)?\]/g;

/** Characters of HTML read for a standfirst or a title: the first sentences are enough. */
const READ_AHEAD = 20_000;

/** Besides those, what a standfirst taken from the text leaves out: it is prose, not parts. */
const NOT_PROSE = new Set([
  ...SKIPPED,
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'pre', 'figcaption'],
]);

/** The words of a slice of HTML, whitespace as the source has it. */
function words(html: string, skipped: ReadonlySet<string> = SKIPPED): string {
  const tree = htmlFragment(html.replace(SHORTCODE, ' '));
  const parts: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element') {
      if (skipped.has(node.tagName)) return;
      const block = BREAKS.test(node.tagName);
      if (block) parts.push(' ');
      for (const child of node.children) walk(child);
      if (block) parts.push(' ');
    } else if (node.type === 'root') for (const child of node.children) walk(child);
  };
  walk(tree);
  return parts.join('');
}

/**
 * The words of some WordPress HTML, as a reader would see them, at most `max` characters:
 * tags, comments (block delimiters), shortcodes and scripts gone, entities decoded,
 * whitespace collapsed. It is for a standfirst or a title, never a whole body: it reads a few
 * times `max` characters of HTML, more only when those hold too few words, and never more
 * than the first 20,000 (parsing HTML is what an import spends most of its time on). With
 * `prose`, only running text: no headings, tables, code or captions.
 */
export function plainText(html: string, max = 2_000, { prose = false } = {}): string {
  const skipped = prose ? NOT_PROSE : SKIPPED;
  const first = Math.min(READ_AHEAD, 4 * max + 1_000);
  let text = cleanLine(words(html.slice(0, first), skipped), max + 1);
  if (text.length <= max && html.length > first)
    text = cleanLine(words(html.slice(0, READ_AHEAD), skipped), max + 1);
  return bound(text, max);
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The first sentence or sentences of a text, as many as fit in `max` characters and at most
 * `most` (at least one, cut at a word when that one alone is too long): a standfirst or a
 * title for a post without one.
 */
export function firstSentences(text: string, max: number, most = Infinity): string {
  let out = '';
  let taken = 0;
  for (const { segment } of sentences.segment(text)) {
    const next = out + segment;
    if (out !== '' && next.trim().length > max) break;
    out = next;
    if (out.length >= max || ++taken >= most) break;
  }
  return bound(out.trim(), max);
}
