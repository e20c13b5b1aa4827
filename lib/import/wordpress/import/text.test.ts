import { bound, cleanLine, firstSentences, plainText } from './text';

describe('cleanLine', () => {
  it('drops bidi overrides, zero-width spaces, controls and byte-order marks, keeps ZWJ emoji', () => {
    expect(cleanLine('\u202eevil\u202c \u2066name\u2069\u200b\ufeff\u0000\u0007', 100)).toBe(
      'evil name',
    );
    expect(cleanLine('👩🏽‍💻 coder', 100)).toBe('👩🏽‍💻 coder');
  });

  it('puts a title on one line and tames zalgo text', () => {
    expect(cleanLine('one\ntwo\r\nthree\u2028four', 100)).toBe('one two three four');
    const zalgo = `Z${'\u0301'.repeat(50)}algo`;
    expect([...cleanLine(zalgo, 100)].length).toBeLessThan(10);
  });

  it('keeps a lone surrogate from reaching a file as broken UTF-16', () => {
    expect(cleanLine('a\ud800b', 100)).toBe('a\ufffdb');
  });
});

describe('bound', () => {
  it('cuts at a word with an ellipsis', () => {
    expect(bound('The quick brown fox jumps', 15)).toBe('The quick…');
    expect(bound('short', 15)).toBe('short');
  });
});

describe('plainText', () => {
  it('gives the words a reader sees: no tags, scripts, block comments or shortcodes', () => {
    const html =
      '<!-- wp:paragraph --><p>Hello <em>world</em>.</p><!-- /wp:paragraph -->' +
      '<script>alert(1)</script><style>p{}</style>[caption id="1"]<img src="a.jpg">A caption[/caption]' +
      '<p>Fish &amp; chips &lt;3</p>';
    expect(plainText(html)).toBe('Hello world. A caption Fish & chips <3');
  });

  it('reads further when the first part of a body is markup without words, but never a whole body', () => {
    const markup = `<figure><img src="a.jpg" alt="" data-x="${'x'.repeat(8_000)}"></figure>`;
    expect(plainText(`${markup}<p>The words.</p>`, 100)).toBe('The words.');
    expect(plainText(`${markup.repeat(3)}<p>Too far.</p>`, 100)).toBe('');
    expect(plainText(`<p>${'word '.repeat(10_000)}</p>`, 50).length).toBeLessThanOrEqual(50);
  });

  it('keeps paragraphs apart', () => {
    expect(plainText('<p>One.</p><p>Two.</p>')).toBe('One. Two.');
  });
});

describe('firstSentences', () => {
  it('takes whole sentences up to the bound, at least one', () => {
    const text = 'First sentence here. Second one follows. Third is long enough to overflow it.';
    expect(firstSentences(text, 45)).toBe('First sentence here. Second one follows.');
    expect(firstSentences(text, 10)).toBe('First…');
  });
});
