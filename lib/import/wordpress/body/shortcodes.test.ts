import { describe, expect, it } from 'vitest';
import { replaceShortcodes, type Shortcode } from './shortcodes';

/** Each shortcode the scanner finds, as `tag|named attributes|numeric|content|self-closing`. */
function found(text: string, tags = ['caption', 'gallery', 'embed']) {
  const seen: string[] = [];
  const handlers = Object.fromEntries(
    tags.map((tag) => [
      tag,
      (shortcode: Shortcode) => {
        seen.push(
          [
            shortcode.tag,
            JSON.stringify(shortcode.named),
            shortcode.numeric.join(','),
            shortcode.content ?? '∅',
            shortcode.selfClosing ? '/' : '',
          ].join('|'),
        );
        return `<${seen.length}>`;
      },
    ]),
  );
  const unknown: string[] = [];
  const out = replaceShortcodes(text, handlers, (tag) => unknown.push(tag));
  return { out, seen, unknown };
}

describe('replaceShortcodes reads shortcodes as WordPress’s do_shortcode() does', () => {
  it('reads attributes in every quoting WordPress accepts, names in lower case', () => {
    expect(found(`[gallery ids="1,2" Columns='3' size=large "numeric" bare]`).seen).toEqual([
      'gallery|{"ids":"1,2","columns":"3","size":"large"}|numeric,bare|∅|',
    ]);
  });

  it('takes the content up to the first closing tag, and a tag without one as single', () => {
    expect(found('[caption]a[caption]b[/caption] [caption]c').seen).toEqual([
      'caption|{}||a[caption]b|',
      'caption|{}||∅|',
    ]);
  });

  it('reads `/]` as self-closing: a later closing tag is not its', () => {
    const { out, seen } = found('[embed url="x" /]text[/embed]');
    expect(seen).toEqual(['embed|{"url":"x"}||∅|/']);
    expect(out).toBe('<1>text[/embed]');
  });

  it('leaves [[tag]] as the text [tag], as WordPress escapes a shortcode', () => {
    expect(found('[[gallery ids="1"]] and [[caption]x[/caption]]').out).toBe(
      '[gallery ids="1"] and [caption]x[/caption]',
    );
  });

  it('does not read a longer name as a known tag (no [gallery] in [gallery-plus])', () => {
    expect(found('[gallery-plus ids="1"] [captions]').seen).toEqual([]);
  });

  it('names unknown tags that look like shortcodes, not words in brackets', () => {
    const { out, unknown } = found(
      '[sic] [1] [Note: this] [contact-form-7 id="3"] [box]x[/box] [hr /] [caption]in[/caption]',
    );
    expect(unknown).toEqual(['contact-form-7', 'box', 'hr']);
    expect(out).toBe('[sic] [1] [Note: this] [contact-form-7 id="3"] [box]x[/box] [hr /] <1>');
  });

  it('finds known shortcodes inside unknown ones, as WordPress does', () => {
    expect(found('[column][caption]x[/caption][/column]').out).toBe('[column]<1>[/column]');
  });

  it('leaves text without a closing bracket alone', () => {
    expect(found('[caption id="1" and then nothing').out).toBe('[caption id="1" and then nothing');
  });
});
