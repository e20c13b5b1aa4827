import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { describe, expect, it } from 'vitest';
import { classicHtml } from './classic';
import { convertBody } from './convert';
import { textOf } from './hast';
import { escapeText } from './html';
import { LostList } from './lost';
import { buildAndValidate } from '@/test/support/rendered-body';
import { replaceShortcodes } from './shortcodes';
import { OLD_SITE, testContext } from './test-context';

/**
 * A WordPress export is written by a site we do not control. Each test is an attack or an
 * accident as a body would carry it; each converted body must build with Masthead's content
 * build, render valid HTML, and carry nothing that runs.
 */

/** Elements that run, load or submit something, whatever the page around them. */
const ACTIVE = new Set(
  'script iframe frame frameset style object embed applet form input button select textarea meta base svg math template noscript'.split(
    ' ',
  ),
);

/** Everything in rendered HTML that could run or load: elements, handlers, script addresses. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      if (ACTIVE.has(node.tagName)) found.push(`<${node.tagName}>`);
      if (node.tagName === 'link' && node.properties.rel?.toString() !== 'preload')
        found.push('<link>');
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on/i.test(name) || name === 'srcDoc' || name === 'style')
          found.push(`${node.tagName} ${name}`);
        if (
          /^(href|src|action|formAction|data|cite|poster)$/.test(name) &&
          /^\s*(javascript|vbscript|data):/i.test(String(value))
        ) {
          found.push(`${node.tagName} ${name}=${String(value)}`);
        }
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}

/** MDX that would carry code or a script address past the content check, were it skipped. */
const CODE_IN_MDX =
  /^(?:import|export)\s|\]\(\s*<?\s*(?:javascript|vbscript|data):|\son[a-z]+=\{|[^\\]\{(?!\/\*)/im;

async function builds(html: string, context = testContext()) {
  const body = convertBody(html, context);
  const rendered = await buildAndValidate(body.mdx);
  expect(rendered.problems).toEqual([]);
  expect(rendered.invalid).toEqual([]);
  return { ...body, html: rendered.html };
}

const wordsOf = (html: string) => textOf(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ');

function elements(node: Nodes, tagName: string, out: Element[] = []): Element[] {
  if (node.type === 'element' && node.tagName === tagName) out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, tagName, out);
  return out;
}

describe('scripts, frames, styles and event handlers never survive', () => {
  const attacks: Record<string, string> = {
    'a script element': '<script>alert(1)</script>',
    'a script in capitals, from elsewhere': '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    'a script inside an SVG':
      '<svg><script>alert(1)</script><a href="javascript:alert(1)"><text>x</text></a></svg>',
    'an onerror on a picture': `<img src="${OLD_SITE}/wp-content/uploads/a.jpg" onerror="alert(1)" alt="A">`,
    'an onclick on a paragraph and an onmouseover on a link':
      '<p onclick="alert(1)">Click <a href="/x/" onmouseover="alert(1)">here</a></p>',
    'an onload on a body': '<body onload="alert(1)"><p>Text</p></body>',
    'a javascript: link': '<a href="javascript:alert(1)">x</a>',
    'a javascript: link hidden by a tab, an entity and case':
      '<a href="jav&#x09;aScRiPt&colon;alert(1)">x</a>',
    'a javascript: link written as character references':
      '<a href="&#106;&#97;vascript:alert(1)">x</a>',
    'a data: page as a link':
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    'a vbscript: link': '<a href="vbscript:msgbox(1)">x</a>',
    'a frame whose page is inline':
      '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    'a frame with a javascript: address': '<iframe src="javascript:alert(1)"></iframe>',
    'a style element and a style attribute':
      '<style>body{display:none}</style><p style="background:url(javascript:alert(1))">x</p>',
    'an object and an embed':
      '<object data="javascript:alert(1)"></object><embed src="https://evil.example/x.swf">',
    'a form with its fields':
      '<form action="https://evil.example/"><label>Q <input name="q"></label><button>Go</button><select><option>a</option></select><textarea>t</textarea></form>',
    'a refresh, a base and a style sheet':
      '<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">',
    'a link inside MathML': '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>',
    'a template': '<template><script>alert(1)</script></template>',
    'markup that changes meaning when parsed twice (noscript)':
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    'a Custom HTML block':
      '<!-- wp:html --><script>alert(1)</script><div onclick="alert(1)">Div</div><!-- /wp:html -->',
    'a [caption] whose caption and picture carry scripts':
      '[caption caption="<script>alert(1)</script>"]<img src=x onerror=alert(1)>[/caption]',
    'an embed block whose address is a script': '<!-- wp:embed {"url":"javascript:alert(1)"} /-->',
    'an [embed] of a script': '[embed]javascript:alert(1)[/embed]',
    'a picture whose address is a data: URL with no other':
      '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="Drawn">',
    'a picture from a javascript: address': '<img src="javascript:alert(1)" alt="x">',
  };

  it.each(Object.entries(attacks))('%s', async (_attack, html) => {
    const body = await builds(`${html}<p>After</p>`);
    expect(dangers(body.html)).toEqual([]);
    expect(body.mdx).not.toMatch(CODE_IN_MDX);
    expect(body.html).toContain('After');
  });

  it('says what it removed', async () => {
    const body = await builds(
      '<script>alert(1)</script><p onclick="x()">a</p><style>p{}</style><iframe src="https://www.youtube.com/embed/abcdef1"></iframe><a href="javascript:x()">b</a><form><input></form>',
    );
    expect(body.lost).toEqual([
      'a script (removed)',
      'an onclick script (removed)',
      'a style sheet (removed)',
      'embedded YouTube content (became a link)',
      'a javascript: link (removed; its words kept)',
      'a form control (removed)',
    ]);
  });

  it('cleans what the export keeps beside the body: attachment captions and footnotes', async () => {
    const base = testContext();
    const attachments = new Map(base.attachments);
    attachments.set(12, {
      url: `${OLD_SITE}/wp-content/uploads/x.jpg`,
      alt: '" onerror="alert(1)',
      caption: '<img src=x onerror=alert(1)><script>alert(1)</script>Caption',
      title: '',
    });
    const footnotes = JSON.stringify([
      { id: 'n', content: '<a href="javascript:alert(1)">note</a><script>x</script>' },
    ]);
    const body = await builds(
      '[gallery ids="12"]<p>Claim<sup data-fn="n" class="fn"><a href="#n">1</a></sup></p>',
      testContext({ attachments, footnotes }),
    );
    expect(dangers(body.html)).toEqual([]);
    expect(body.mdx).not.toMatch(CODE_IN_MDX);
    expect(body.html).toContain('Caption');
    expect(body.html).toContain('note');
  });
});

describe('text MDX would read as code stays text', () => {
  const texts = [
    '{process.env.SECRET_KEY}',
    '{/* a comment */}',
    'I <3 you, and a < b > c',
    '<Callout>boxed</Callout> and <PullQuote cite="x">q</PullQuote>',
    '<script>alert(1)</script>',
    'export const secret = process.env.KEY',
    'import fs from "node:fs"',
    'export default function Page() {}',
    '`tick` ~~strike~~ **bold** _em_ [link](/x) ![pic](/a.jpg) # not a heading',
    '\\{ escaped \\} and \\\\ backslashes',
    '&amp; &lt; &#123; entities written out',
    '[^1] and [^note]: not footnotes',
    '| not | a | table |',
    '<!-- not a comment -->',
    '--- and *** and ___',
    'javascript:alert(1) as words',
    '$$x^2$$ and :::note',
  ];
  const places: Record<string, (text: string) => string> = {
    'a classic paragraph, at the start of its lines': (text) => `${text}\n${text}\n\n${text}`,
    'a heading': (text) => `<h2>${text}</h2>`,
    'a list item': (text) => `<ul><li>${text}<ul><li>${text}</li></ul></li></ul>`,
    'a table cell': (text) => `<table><tr><th>${text}</th></tr><tr><td>${text}</td></tr></table>`,
    'a caption': (text) =>
      `[caption]<img src="${OLD_SITE}/wp-content/uploads/a.jpg" alt="A"> ${text}[/caption]`,
    'a quote and a pull quote': (text) =>
      `<blockquote>${text}</blockquote><figure class="wp-block-pullquote"><blockquote><p>${text}</p><cite>${text}</cite></blockquote></figure>`,
    'a link': (text) => `<p><a href="https://example.org/">${text}</a></p>`,
    'a summary': (text) => `<details><summary>${text}</summary><p>${text}</p></details>`,
  };

  describe.each(Object.entries(places))('in %s', (_place, write) => {
    it.each(texts)('%s', async (text) => {
      // As WordPress stores what an author typed: the HTML-special characters escaped.
      const body = await builds(write(escapeText(text)));
      const words = wordsOf(body.html);
      expect(words).toContain(text.replace(/\s+/g, ' '));
    });
  });

  it('keeps such text in pictures’ descriptions and pull quotes’ citations as written', async () => {
    const text = '{x} <3 "quoted" `y` ](z) export const a';
    const body = await builds(
      `<p><img src="${OLD_SITE}/wp-content/uploads/a.jpg" alt="${escapeText(text).replace(/"/g, '&quot;')}"></p><figure class="wp-block-pullquote"><blockquote><p>Q</p><cite>${escapeText(text)}</cite></blockquote></figure>`,
    );
    const tree = fromHtml(body.html, { fragment: true });
    expect(elements(tree, 'img')[0]?.properties.alt).toBe(text);
    expect(textOf(elements(tree, 'figcaption')[0] ?? tree)).toBe(text);
  });

  it('keeps code as code, whatever it holds', async () => {
    const code = 'export const a = {b};\nimport x from "y";\n<script>{c}</script>\n```\n~~~';
    const body = await builds(`<pre><code>${escapeText(code)}</code></pre>`);
    const [element] = elements(fromHtml(body.html, { fragment: true }), 'code');
    expect(element && textOf(element)).toBe(`${code}\n`);
  });
});

describe('bodies built to exhaust the converter', () => {
  it('keeps the words of a body nested deeper than a parser’s recursion survives, and says so', async () => {
    const body = await builds(`${'<div>'.repeat(20_000)}<p>Deep <script>x()</script>words</p>`);
    expect(body.mdx).toBe('Deep words\n');
    expect(body.lost).toEqual([
      "the body's formatting, pictures and links (it nests too deeply; its words kept as plain text)",
    ]);
  });

  it('keeps the words past forty levels of nesting, as text', async () => {
    const body = await builds(`${'<blockquote>'.repeat(60)}Deep <em>words</em>`);
    expect(wordsOf(body.html)).toContain('Deep words');
  });

  it('reads 20,000 block-editor groups nested in each other', async () => {
    const body = await builds(`${'<!-- wp:group --><div>'.repeat(20_000)}<p>Inside</p>`);
    expect(wordsOf(body.html)).toContain('Inside');
  });

  it('bounds a gallery of 100,000 ids to 500 pictures', () => {
    const gallery = convertBody(`[gallery ids="${'11,'.repeat(100_000)}"]`, testContext());
    expect(gallery.mdx.match(/!\[A dog\]/g)?.length).toBe(500);
    expect(gallery.lost).toEqual(["a gallery's pictures after the first 500"]);
  });

  it('bounds a cell spanning 100,000 columns and rows', async () => {
    const table = await builds(
      '<table><tr><th colspan="100000" rowspan="100000">x</th></tr><tr><td>y</td></tr></table>',
    );
    expect(table.mdx.length).toBeLessThan(1_000);
  });

  // WordPress's own shortcode expression (and its port in @wordpress/shortcode) looks for the
  // closing tag from every opening one: 144 KB of unclosed [caption] took it 8 s. 3 MB would
  // take it hours; read forward once, it is a moment.
  it('reads 3 MB of unclosed shortcodes in one pass', () => {
    expect(replaceShortcodes('[caption]x '.repeat(300_000), { caption: () => '*' })).toBe(
      '*x '.repeat(300_000),
    );
  });

  // wpautop's `<p>(<li.+?)</p>` re-reads a line from each `<p><li`: 60 KB took 3.4 s and the
  // time grows with the square of the size.
  it('makes paragraphs of 600 KB of broken tags without re-reading them', () => {
    const html = classicHtml('<p><li'.repeat(100_000), new LostList());
    expect(html.length).toBeGreaterThan(600_000);
    expect(html).toContain('&lt;li');
  });

  it('refuses prototype keys as shortcodes, attributes, block attributes and footnote ids', async () => {
    const footnotes = JSON.stringify([{ id: '__proto__', content: 'Note' }]);
    const body = await builds(
      '[constructor]x[/constructor] [toString a="1"] [gallery __proto__="x" ids="11"]<!-- wp:paragraph {"__proto__":{"polluted":true}} --><p>P<sup data-fn="__proto__" class="fn">1</sup></p><!-- /wp:paragraph -->',
      testContext({ footnotes }),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(body.lost).toEqual([
      'shortcode [constructor] (kept as text)',
      'shortcode [toString] (kept as text)',
    ]);
    expect(body.mdx).toContain('[^1]: Note');
  });

  it.each([
    ['nothing', ''],
    ['spaces and empty paragraphs', ' \n\n<p>&nbsp;</p>\n'],
    ['bidi controls, zero-width characters, a BOM and NUL', 'A\u202eB\u200bC\ufeffD\u0000E 😀'],
    [
      'bytes that are not HTML',
      String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65_000)),
    ],
    ['block comments that never close', '<!-- wp:paragraph {"a": <p>x</p><!-- wp:columns -->'],
  ])('builds a body of %s', async (_what, html) => {
    const body = await builds(html);
    expect(dangers(body.html)).toEqual([]);
  });
});
