import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';

/** Text placed into HTML the converter writes itself, so that the parser reads it back as text. */
export const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/**
 * Removes every stretch from `open` to the end of the next `close` (to the end of the text when
 * there is none), case-insensitively. It only ever looks forward, so a thousand unclosed
 * comments cost one pass, where `/<!--[\s\S]*?-->/g` re-reads the rest of the text for each.
 */
export function cutBetween(html: string, open: string, close: string, put = ' '): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let at = 0;
  for (let start = lower.indexOf(open, at); start !== -1; start = lower.indexOf(open, at)) {
    const end = lower.indexOf(close, start + open.length);
    out.push(html.slice(at, start), put);
    at = end === -1 ? html.length : end + close.length;
  }
  out.push(html.slice(at));
  return out.join('');
}

/** Tags removed, words kept; `[^<>]*` so that a run of unclosed `<` is read once, not once each. */
export const withoutTags = (html: string, put = '') =>
  cutBetween(html, '<!--', '-->').replace(/<[^<>]*>/g, put);

/** Whether a piece of HTML holds any words: tags, comments and spaces alone do not count. */
export const hasText = (html: string) =>
  /\S/.test(withoutTags(html).replace(/&nbsp;|&#160;|\u00a0/g, ''));

/**
 * HTML as a hast tree, read as `hast-util-from-html` reads a fragment (parse5, scripting off)
 * but without source positions: the import never reads them, and without them parse5 does less
 * and `hast-util-to-mdast`'s copy of each tree has a quarter of the objects to clone.
 */
export const htmlFragment = (html: string): Root =>
  fromParse5(parseFragment(html, { scriptingEnabled: false })) as Root;
