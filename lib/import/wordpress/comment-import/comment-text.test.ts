import { parseCommentText } from '@/lib/comments/text';
import { WORDPRESS_COMMENT_MAX, commentText, oneLineText } from './comment-text';

/** What a reader sees of the stored text: the store's own reading of it. */
const shown = (html: string) => parseCommentText(commentText(html).text);

describe('a WordPress comment as the store keeps text', () => {
  it('keeps paragraphs and line breaks as wpautop shows them', () => {
    expect(commentText('First.\n\n\n\tSecond, line one\nline two').text).toBe(
      'First.\n\nSecond, line one\nline two',
    );
    expect(commentText('<p>One</p><p>Two<br>three</p>').text).toBe('One\n\nTwo\nthree');
    expect(commentText('<strong>Headings</strong>\n<h1>Header one</h1>\n<h2>Two</h2>').text).toBe(
      'Headings\n\nHeader one\n\nTwo',
    );
  });

  it('keeps a link as its words and its address, which the store then links', () => {
    expect(shown('see <a href="https://example.com/a?b=1&amp;c=2">this page</a>, then go')).toEqual(
      [
        [
          [
            { kind: 'text', text: 'see this page (' },
            {
              kind: 'link',
              text: 'https://example.com/a?b=1&c=2',
              href: 'https://example.com/a?b=1&c=2',
            },
            { kind: 'text', text: '), then go' },
          ],
        ],
      ],
    );
    // Words that are the address are not repeated; an address never runs into the next word.
    expect(commentText('x<a href="https://a.example/p">https://a.example/p</a>y').text).toBe(
      'x https://a.example/p y',
    );
    expect(commentText('<a href="http://example.org/">example.org</a>.').text).toBe(
      'http://example.org/.',
    );
  });

  it('shows where a link leads even when its words name another address', () => {
    const text = commentText('<a href="https://evil.example/">https://bank.example/</a>').text;
    expect(text).toBe('https://bank.example/ (https://evil.example/)');
    expect(
      parseCommentText(text)[0]?.[0]
        ?.filter((s) => s.kind === 'link')
        .map((s) => s.text),
    ).toEqual(['https://bank.example/', 'https://evil.example/']);
  });

  it('drops scripts, styles, frames and javascript: links with their content, and says so', () => {
    const result = commentText(
      '<script>alert(1)</script><style>p{}</style><a href="javascript:alert(2)" onclick="x()">click</a>' +
        ' <iframe src="https://ads.example/"></iframe><img src=x onerror="alert(3)"><svg><text>svg words</text></svg> ok',
    );
    expect(result.text).toBe('click ok');
    expect(result.lost).toEqual([
      'scripts and styles removed',
      'links to addresses other than web pages kept as their words',
      'embedded content removed (iframe)',
      'picture not kept (x)',
      'embedded content removed (svg)',
    ]);
    expect(JSON.stringify(shown('<script>alert(1)</script>'))).toBe('[]');
  });

  it('keeps a picture as its description', () => {
    const result = commentText(
      'Image comment.\n\t<img src="https://x.example/a.jpg" alt="Wind farm">',
    );
    expect(result).toEqual({
      text: 'Image comment.\n[picture: Wind farm]',
      lost: ['picture not kept (https://x.example/a.jpg)'],
    });
  });

  it('writes quotes, lists, tables and preformatted text as plain text reads them', () => {
    expect(commentText('<blockquote><p>a</p><p>b</p></blockquote>reply &amp; more').text).toBe(
      '> a\n>\n> b\n\nreply & more',
    );
    expect(commentText('<ol start="3"><li>a</li><li>b<ul><li>c</li></ul></li></ol>').text).toBe(
      '3. a\n4. b\n- c',
    );
    expect(
      commentText('<table><tr><td>x</td><td>y</td></tr><tr><td>1</td><td>2</td></tr></table>').text,
    ).toBe('x y\n1 2');
    expect(commentText('<pre>if (a) {\n    b();\n}</pre>').text).toBe('if (a) {\n    b();\n}');
    expect(commentText('<q>quoted</q> &lt;3 &#8217;').text).toBe('“quoted” <3 ’');
  });

  it('removes bidi overrides and invisible characters as the comment form does', () => {
    const result = commentText('\u202Egnp.exe\u202C and\u200B \u2066isolate\u2069 \u200D emoji 👩‍💻');
    expect(result.text).toBe('gnp.exe and isolate \u200D emoji 👩‍💻');
  });

  it('cuts a huge comment at WordPress own limit, without splitting a character', () => {
    const huge = `${'word '.repeat(20_000)}${'😀'.repeat(100_000)}`;
    const result = commentText(huge);
    expect(result.text.length).toBeLessThanOrEqual(WORDPRESS_COMMENT_MAX);
    expect(result.text.length).toBeGreaterThan(WORDPRESS_COMMENT_MAX - 2);
    expect(result.text.isWellFormed()).toBe(true);
    expect(result.lost).toEqual(['text cut to 65,525 characters']);
    expect(commentText('<p>short</p>'.repeat(10)).lost).toEqual([]);
  });

  it('is total: malformed markup comes back as text', () => {
    expect(commentText('<b>unclosed <i>tags <a href="https://x.example">x').text).toBe(
      'unclosed tags x (https://x.example)',
    );
    expect(commentText('a < b > c & d').text).toBe('a < b > c & d');
    expect(commentText('<!-- hidden --><![CDATA[ x ]]>').text).toBe('');
  });

  it('reads names as WordPress stored them: entities decoded, markup gone, one line', () => {
    expect(oneLineText('Ping 1 &laquo; What&#8217;s a tellyworth?', 160)).toBe(
      'Ping 1 « What’s a tellyworth?',
    );
    expect(oneLineText('<b>Bob</b>\n<script>x</script> \u202Esmith', 160)).toBe('Bob smith');
    expect(oneLineText('x'.repeat(500), 160)).toHaveLength(160);
  });
});
