import { describe, expect, it } from 'vitest';
import { convertInPieces } from './convert';
import { splitClassic, splitHtml } from './pieces';
import { buildAndValidate } from '@/test/support/rendered-body';
import { testContext } from './test-context';

describe('splitHtml', () => {
  it('keeps a body shorter than a piece whole', () => {
    expect(splitHtml('<p>a</p>', 100)).toEqual({ pieces: ['<p>a</p>'], cutInside: false });
  });

  it('cuts only after a block at the top level, and the pieces join back to the body', () => {
    const html =
      '<div><p>one</p><p>two</p></div><p>three</p><h2>four</h2><blockquote><p>five</p></blockquote>';
    const { pieces, cutInside } = splitHtml(html, 10);
    expect(pieces).toEqual([
      '<div><p>one</p><p>two</p></div>',
      '<p>three</p>',
      '<h2>four</h2>',
      '<blockquote><p>five</p></blockquote>',
    ]);
    expect(pieces.join('')).toBe(html);
    expect(cutInside).toBe(false);
  });

  it('reads past what script, pre and comments hold', () => {
    const html = '<pre></div></p>\n</pre><!-- </p> --><script>"</p>"</script><p>x</p>';
    expect(splitHtml(html, 5).pieces).toEqual([
      '<pre></div></p>\n</pre>',
      '<!-- </p> --><script>"</p>"</script><p>x</p>',
    ]);
  });

  it('does not cut between two lists, which would read as one', () => {
    expect(splitHtml('<ul><li>a</li></ul><ul><li>b</li></ul><p>c</p>', 5).pieces).toEqual([
      '<ul><li>a</li></ul><ul><li>b</li></ul>',
      '<p>c</p>',
    ]);
  });

  it('cuts inside an element that never closes once a piece is four times too long, and says so', () => {
    const html = `<div>${'<p>word</p>'.repeat(100)}`;
    const { pieces, cutInside } = splitHtml(html, 100);
    expect(cutInside).toBe(true);
    expect(pieces.join('')).toBe(html);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(411);
  });
});

describe('splitClassic', () => {
  it('cuts at blank lines, never inside <pre>', () => {
    const text = 'aaaa\n\n<pre>b\n\nb</pre>\n\ncccc\n\ndddd';
    expect(splitClassic(text, 3)).toEqual([
      'aaaa\n\n',
      '<pre>b\n\nb</pre>\n\n',
      'cccc\n\n',
      'dddd',
    ]);
  });
});

describe('a body read in pieces', () => {
  it('reads as one: headings go on from piece to piece, footnotes end the body once', async () => {
    const words = '<p>Words of the long report, said again.</p>'.repeat(40);
    const mark = (id: string) => `<p>Claim<sup data-fn="${id}" class="fn">1</sup></p>`;
    // Only the first piece has the <h1> that moves every heading of the body down a level.
    const html = `<h1>Report</h1>${words}${mark('a')}<h2>Part</h2>${words}<h2>Part</h2>${words}${mark('b')}`;
    const size = 2_000;
    expect(splitHtml(html, size).pieces.map((piece) => piece.includes('<h1>'))).toEqual([
      true,
      false,
      false,
    ]);
    const footnotes = JSON.stringify([
      { id: 'a', content: 'First.' },
      { id: 'b', content: 'Second.' },
    ]);
    const body = convertInPieces(html, testContext({ footnotes }), size);
    expect(body.mdx.match(/^#+ .*$/gm)).toEqual(['## Report', '### Part', '### Part']);
    expect(body.mdx.match(/^\[\^\d\]:.*$/gm)).toEqual(['[^1]: First.', '[^2]: Second.']);
    const rendered = await buildAndValidate(body.mdx);
    expect(rendered.problems).toEqual([]);
    expect(rendered.invalid).toEqual([]);
  });
});
