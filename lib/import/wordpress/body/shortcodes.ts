import { attrs as parseAttributes } from '@wordpress/shortcode';

/** A shortcode as WordPress's get_shortcode_regex() reads it. */
export type Shortcode = {
  tag: string;
  named: Record<string, string>;
  numeric: string[];
  /** What stands between `[tag]` and `[/tag]`; null when it has no closing tag. */
  content: string | null;
  selfClosing: boolean;
};

const OPENING = /\[([A-Za-z0-9_][\w-]*)(?![\w-])/g;

/** The next index of `needle` at or after `from`, remembered: callers only ever move forward. */
function forwardFinder(text: string) {
  const found = new Map<string, number>();
  return (needle: string, from: number): number => {
    const known = found.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const at = text.indexOf(needle, from);
    found.set(needle, at);
    return at;
  };
}

/** What each known shortcode becomes: HTML, parsed and cleaned with the rest of the body. */
export type ShortcodeHandlers = Record<string, (shortcode: Shortcode) => string>;

/**
 * Replaces the shortcodes `handlers` knows in one pass, the way WordPress's do_shortcode()
 * reads them: `[tag attrs]`, `[tag attrs /]`, or `[tag attrs]content[/tag]` up to the first
 * closing tag; `[[tag]]` is the text `[tag]`. Any other tag stays as written, and is handed to
 * `unknown` when it looks like a shortcode (it has attributes, a closing tag or a slash) rather
 * than words in brackets such as "[sic]".
 *
 * WordPress's own regular expression (and @wordpress/shortcode's port of it) looks for a
 * closing tag from every opening one, which takes seconds on a few hundred kilobytes of
 * unclosed tags; this scanner looks each thing up once, moving forward, so it is linear.
 */
export function replaceShortcodes(
  text: string,
  handlers: ShortcodeHandlers,
  unknown: (tag: string) => void = () => {},
): string {
  if (!text.includes('[')) return text;
  const next = forwardFinder(text);
  const out: string[] = [];
  let copied = 0;
  OPENING.lastIndex = 0;
  for (let match = OPENING.exec(text); match; match = OPENING.exec(text)) {
    const start = match.index;
    const tag = match[1] ?? '';
    const close = next(']', OPENING.lastIndex);
    if (close === -1) break;
    const selfClosing = text[close - 1] === '/';
    const rawAttributes = text.slice(OPENING.lastIndex, selfClosing ? close - 1 : close);
    // WordPress's attribute part cannot hold a slash before `]` except as the self-closing mark.
    let end = close + 1;
    let content: string | null = null;
    if (!selfClosing) {
      const closing = next(`[/${tag}]`, end);
      if (closing !== -1) {
        content = text.slice(end, closing);
        end = closing + tag.length + 3;
      }
    }
    const handler = Object.hasOwn(handlers, tag) ? handlers[tag] : undefined;
    if (handler === undefined) {
      if (content !== null || selfClosing || /=/.test(rawAttributes)) unknown(tag);
      // What an unknown shortcode wraps may hold known ones, as in WordPress.
      OPENING.lastIndex = close + 1;
      continue;
    }
    if (text[start - 1] === '[' && text[end] === ']') {
      out.push(text.slice(copied, start - 1), text.slice(start, end));
      copied = end + 1;
      OPENING.lastIndex = end + 1;
      continue;
    }
    const parsed = parseAttributes(rawAttributes);
    const named = Object.fromEntries(
      Object.entries(parsed.named).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
    out.push(
      text.slice(copied, start),
      handler({ tag, named, numeric: parsed.numeric, content, selfClosing }),
    );
    copied = end;
    OPENING.lastIndex = end;
  }
  // @wordpress/shortcode remembers every attribute string it has parsed; a long import must not.
  parseAttributes.clear();
  return out.length === 0 ? text : out.join('') + text.slice(copied);
}

/** A named attribute as written, never one inherited from Object.prototype. */
export const attribute = (shortcode: Shortcode, name: string): string | undefined =>
  Object.hasOwn(shortcode.named, name) ? shortcode.named[name] : undefined;
