import { describe, expect, it } from 'vitest';
import { convertBody } from './convert';
import { buildAndValidate } from '@/test/support/rendered-body';
import { OLD_SITE, testContext } from './test-context';
import type { BodyContext, ConvertedBody } from './types';

/**
 * Each construct a WordPress body holds, classic and block editor, written the way WordPress
 * writes it, converted to the letter, and built and validated as an article would be.
 */

async function converted(
  html: string,
  context: BodyContext = testContext(),
): Promise<ConvertedBody> {
  const body = convertBody(html, context);
  const rendered = await buildAndValidate(body.mdx);
  expect(rendered.problems).toEqual([]);
  expect(rendered.invalid).toEqual([]);
  return body;
}

const mdxOf = async (html: string, context?: BodyContext) => (await converted(html, context)).mdx;

const block = (name: string, html: string, attrs = '') =>
  `<!-- wp:${name}${attrs ? ` ${attrs}` : ''} -->${html}<!-- /wp:${name} -->`;

const upload = (file: string) => `${OLD_SITE}/wp-content/uploads/2019/05/${file}`;

describe('paragraphs', () => {
  it("makes classic content's paragraphs as wpautop does: blank lines part them, single newlines break lines", async () => {
    expect(
      await mdxOf(
        'First line\nsecond line\n\nSecond paragraph <b>bold</b>.\n<div>In a div</div>\nAfter',
      ),
    ).toBe('First line\\\nsecond line\n\nSecond paragraph **bold**.\n\nIn a div\n\nAfter\n');
  });

  it('leaves the block editor’s paragraphs as they are, and drops empty ones and &nbsp; spacers', async () => {
    const html =
      block('paragraph', '<p>One <em>two</em></p>') +
      '<p>&nbsp;</p>' +
      block('paragraph', '<p></p>');
    expect(await mdxOf(html)).toBe('One _two_\n');
  });

  it('keeps the inline marks the content check allows and Markdown has no syntax for', async () => {
    expect(
      await mdxOf(
        '<p>H<sub>2</sub>O, E = mc<sup>2</sup>, <abbr title="Seriously">srsly</abbr>, <acronym title="For The Win">ftw</acronym>, <mark>this</mark>, <u>that</u>, <del>gone</del>, <kbd>Ctrl</kbd></p>',
      ),
    ).toBe(
      'H<sub>2</sub>O, E = mc<sup>2</sup>, <abbr title="Seriously">srsly</abbr>, <abbr title="For The Win">ftw</abbr>, <mark>this</mark>, <u>that</u>, ~~gone~~, `Ctrl`\n',
    );
  });

  it('writes emphasis Markdown can read back: no mark in the same mark, spaces outside the marks', async () => {
    expect(
      await mdxOf(
        '<p>This is <strong>bold<strong> text.</strong></strong> and <em>Right, </em>and</p>',
      ),
    ).toBe('This is **bold text.** and _Right,_ and\n');
  });
});

describe('headings', () => {
  it('starts the body at <h2> (the title is the page’s <h1>) and never skips a level', async () => {
    expect(await mdxOf('<h1>One</h1><h2>Two</h2><h4>Four</h4><h6>Six</h6><h2>Again</h2>')).toBe(
      '## One\n\n### Two\n\n#### Four\n\n##### Six\n\n### Again\n',
    );
  });

  it('drops a heading with no words', async () => {
    expect(await mdxOf('<h2> </h2><p>Text</p>')).toBe('Text\n');
  });
});

describe('lists', () => {
  it('keeps nested lists, bulleted and numbered, and an ordered list’s start', async () => {
    const html =
      '<ul>\n\t<li>One\n<ul>\n\t<li>Two\n<ol start="4"><li>Four</li><li>Five</li></ol></li>\n</ul>\n</li>\n\t<li>Three</li>\n</ul>';
    // A list numbered from 4 cannot interrupt a paragraph in Markdown: hence the blank line.
    expect(await mdxOf(html)).toBe('- One\n  - Two\n\n    4. Four\n    5. Five\n- Three\n');
  });

  it('writes a definition list as a list of terms in bold, and a list counting down as one counting up, saying so', async () => {
    const glossary = await converted(
      '<dl><dt>Quorum</dt><dd>The members needed for a vote.</dd><dt>Recess</dt><dd>A break.</dd></dl>',
    );
    expect(glossary.mdx).toBe(
      '- **Quorum**\n\n  The members needed for a vote.\n- **Recess**\n\n  A break.\n',
    );
    expect(glossary.lost).toEqual([
      'a definition list: written as a bulleted list, each term in bold above its definition',
    ]);
    const countdown = await converted('<ol reversed><li>Three</li><li>Two</li><li>One</li></ol>');
    expect(countdown.mdx).toBe('1. Three\n2. Two\n3. One\n');
    expect(countdown.lost).toEqual([
      'a list numbered downwards (reversed): its numbers now count up',
    ]);
    expect((await converted('<ol start="3"><li>Three</li></ol>')).lost).toEqual([]);
  });

  it('reads the block editor’s list items (one block each) as one list', async () => {
    const html = block(
      'list',
      `<ul>${block('list-item', '<li>A</li>')}${block('list-item', `<li>B${block('list', `<ul>${block('list-item', '<li>C</li>')}</ul>`)}</li>`)}</ul>`,
    );
    expect(await mdxOf(html)).toBe('- A\n- B\n  - C\n');
  });
});

describe('quotes', () => {
  it('keeps a quote and puts its <cite> on a line of its own', async () => {
    const html = block(
      'quote',
      '<blockquote class="wp-block-quote"><p>Stay hungry.</p><cite>Someone<br></cite></blockquote>',
    );
    expect(await mdxOf(html)).toBe('> Stay hungry.\n>\n> <cite>Someone</cite>\n');
  });

  it('makes a pull quote Masthead’s <PullQuote>, its citation the cite', async () => {
    const html = block(
      'pullquote',
      '<figure class="wp-block-pullquote"><blockquote><p>Words that matter.</p><cite>A <em>source</em></cite></blockquote></figure>',
    );
    expect(await mdxOf(html)).toBe(
      '<PullQuote cite="A source">\n  Words that matter.\n</PullQuote>\n',
    );
  });

  it('keeps a pull quote inside a pull quote as a quote, and a heading in one as bold words', async () => {
    const html =
      '<figure class="wp-block-pullquote"><blockquote><h2>Title</h2><figure class="wp-block-pullquote"><blockquote><p>Inner</p></blockquote></figure></blockquote></figure>';
    expect(await mdxOf(html)).toBe('<PullQuote>\n  **Title**\n\n  > Inner\n</PullQuote>\n');
  });
});

describe('tables', () => {
  it('keeps a table with its header row', async () => {
    const html = block(
      'table',
      '<figure class="wp-block-table"><table><thead><tr><th>Team</th><th>Points</th></tr></thead><tbody><tr><td>Reds</td><td>3</td></tr></tbody><tfoot><tr><td>Total</td><td>3</td></tr></tfoot></table><figcaption>The <em>table</em></figcaption></figure>',
    );
    expect(await mdxOf(html)).toBe(
      '<figure>\n  | Team | Points |\n  | - | - |\n  | Reds | 3 |\n  | Total | 3 |\n\n  <figcaption>The _table_</figcaption>\n</figure>\n',
    );
  });

  it('makes a table without a header row a table whose first row is the header, and says so', async () => {
    const body = await converted(
      '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>',
    );
    expect(body.mdx).toBe('| a | b |\n| - | - |\n| c | d |\n');
    expect(body.lost).toEqual(['a table without a header row (its first row became the header)']);
  });

  it('keeps line breaks and lists in cells as lines, splits merged cells, and makes the caption the caption of a figure', async () => {
    const body = await converted(
      '<table><caption>Results</caption><tr><th colspan="2">Wide</th></tr><tr><td>a<br>b</td><td><ul><li>x</li><li>y</li></ul></td></tr></table>',
    );
    expect(body.mdx).toBe(
      '<figure>\n  | Wide | |\n  | - | - |\n  | a<br />b | x<br />y |\n\n  <figcaption>Results</figcaption>\n</figure>\n',
    );
    expect(body.lost).toEqual([
      "a table's merged cells (split into single cells, the others left empty)",
    ]);
  });
});

describe('pictures', () => {
  it('makes a [caption] a figure with the site’s copy of the picture and its caption', async () => {
    const html = `[caption id="attachment_10" align="alignnone" width="300"]<a href="${upload('cat.jpg')}"><img class="size-medium wp-image-10" src="${upload('cat-300x200.jpg')}" alt="Cat" width="300" height="200" /></a> A cat, <em>sitting</em>[/caption]`;
    const body = await converted(html);
    expect(body.mdx).toBe(
      '<figure>\n  ![Cat](/images/wordpress/2019/05/cat-300x200.jpg)\n\n  <figcaption>A cat, _sitting_</figcaption>\n</figure>\n',
    );
    expect(body.pictures).toEqual([upload('cat-300x200.jpg')]);
  });

  it('reads the caption from the attribute of an older [caption caption="…"]', async () => {
    expect(
      await mdxOf(
        `[caption caption="Old style"]<img src="${upload('dog.jpg')}" alt="Dog">[/caption]`,
      ),
    ).toBe(
      '<figure>\n  ![Dog](/images/wordpress/2019/05/dog.jpg)\n\n  <figcaption>Old style</figcaption>\n</figure>\n',
    );
  });

  it('makes an image block a figure, taking the attachment’s alt text when the block saved none', async () => {
    const html = block(
      'image',
      `<figure class="wp-block-image size-large"><img src="${upload('cat.jpg')}" alt="" class="wp-image-10"/><figcaption class="wp-element-caption">At noon</figcaption></figure>`,
      '{"id":10}',
    );
    expect(await mdxOf(html)).toBe(
      '<figure>\n  ![A cat on a wall](/images/wordpress/2019/05/cat.jpg)\n\n  <figcaption>At noon</figcaption>\n</figure>\n',
    );
  });

  it('keeps a picture without a caption as a picture, and a link to elsewhere around it', async () => {
    expect(
      await mdxOf(
        `<p><a href="https://elsewhere.example/story"><img src="${upload('dog.jpg')}" alt="Dog"></a> Text</p>`,
      ),
    ).toBe('[![Dog](/images/wordpress/2019/05/dog.jpg)](https://elsewhere.example/story) Text\n');
  });

  it('keeps the alt text and caption of a picture that could not be had, and says which', async () => {
    const body = await converted(
      '[caption]<img src="https://cdn.example/a.jpg" alt="A harbour at dawn"> The harbour[/caption]',
    );
    expect(body.mdx).toBe(
      '<figure>\n  A harbour at dawn\n\n  <figcaption>The harbour</figcaption>\n</figure>\n',
    );
    expect(body.lost).toEqual([
      'picture https://cdn.example/a.jpg (could not be had; its alt text and caption kept as text)',
    ]);
    expect(body.pictures).toEqual(['https://cdn.example/a.jpg']);
  });

  it('takes the real address of a lazy-loaded picture, and the words of an emoji image', async () => {
    const html = `<p><img src="data:image/gif;base64,R0lGOD" data-src="${upload('dog.jpg')}" alt="Dog"> <img class="wp-smiley" src="https://s.w.org/images/core/emoji/72x72/1f600.png" alt="😀"></p>`;
    expect(await mdxOf(html)).toBe('![Dog](/images/wordpress/2019/05/dog.jpg) 😀\n');
  });
});

describe('galleries', () => {
  it('makes [gallery ids] the attachments’ pictures, in the order given, with their captions', async () => {
    const body = await converted('[gallery ids="11,10,99"]');
    expect(body.mdx).toBe(
      '![A dog](/images/wordpress/2019/05/dog.jpg)\n\n<figure>\n  ![A cat on a wall](/images/wordpress/2019/05/cat.jpg)\n\n  <figcaption>The _cat_, at noon</figcaption>\n</figure>\n',
    );
    expect(body.lost).toEqual(['gallery picture #99 (not in the export)']);
  });

  it('makes [gallery] without ids the pictures attached to the post, or reports it when they are not given', async () => {
    expect((await converted('[gallery columns="2"]')).pictures).toEqual([
      upload('dog.jpg'),
      upload('cat.jpg'),
    ]);
    const unknown = await converted('[gallery]', testContext({ attached: undefined }));
    expect(unknown.mdx).toBe('');
    expect(unknown.lost).toEqual([
      'a gallery of the pictures attached to the post (which they are was not given; none kept)',
    ]);
  });

  it('makes a gallery block a figure of its pictures with the gallery’s caption', async () => {
    const image = (id: number, file: string, caption = '') =>
      block(
        'image',
        `<figure class="wp-block-image"><img src="${upload(file)}" alt="" class="wp-image-${id}"/>${caption}</figure>`,
        `{"id":${id}}`,
      );
    const html = block(
      'gallery',
      `<figure class="wp-block-gallery has-nested-images">${image(10, 'cat.jpg')}${image(11, 'dog.jpg', '<figcaption>Rex</figcaption>')}<figcaption class="blocks-gallery-caption">Pets</figcaption></figure>`,
    );
    expect(await mdxOf(html)).toBe(
      '<figure>\n  ![A cat on a wall](/images/wordpress/2019/05/cat.jpg)\n\n  <figure>\n    ![A dog](/images/wordpress/2019/05/dog.jpg)\n\n    <figcaption>Rex</figcaption>\n  </figure>\n\n  <figcaption>Pets</figcaption>\n</figure>\n',
    );
  });

  it('reads the older gallery block (a list of figures) as pictures, not a list', async () => {
    const html = block(
      'gallery',
      `<figure class="wp-block-gallery"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="${upload('dog.jpg')}" alt="Dog"/></figure></li></ul></figure>`,
      '{"ids":[11]}',
    );
    expect(await mdxOf(html)).toBe('![Dog](/images/wordpress/2019/05/dog.jpg)\n');
  });
});

describe('separators, code and preformatted text', () => {
  it('makes a separator a rule', async () => {
    expect(await mdxOf(block('separator', '<hr class="wp-block-separator"/>'))).toBe('***\n');
  });

  it('keeps code as written, braces and angle brackets included, with its language', async () => {
    const html =
      block(
        'code',
        '<pre class="wp-block-code"><code>const a = {b: 1};\nif (a &lt; 3) {}</code></pre>',
      ) + '\n[sourcecode language="php"]\n<?php echo 1; ?>\n[/sourcecode]';
    expect(await mdxOf(html)).toBe(
      '```\nconst a = {b: 1};\nif (a < 3) {}\n```\n\n```php\n<?php echo 1; ?>\n```\n',
    );
  });

  it('makes preformatted text a code block and a verse lines of a paragraph', async () => {
    const html =
      block('preformatted', '<pre class="wp-block-preformatted">Some  spaced\ntext</pre>') +
      block('verse', '<pre class="wp-block-verse">Roses are red,\n<em>violets</em> are blue</pre>');
    expect(await mdxOf(html)).toBe(
      '```\nSome  spaced\ntext\n```\n\nRoses are red,\\\n_violets_ are blue\n',
    );
  });
});

describe('layout blocks', () => {
  it('flattens columns and groups into what they hold, in order', async () => {
    const column = (inner: string) =>
      block('column', `<div class="wp-block-column">${inner}</div>`);
    const html = block(
      'columns',
      `<div class="wp-block-columns">${column(block('heading', '<h2>Left</h2>') + block('paragraph', '<p>One</p>'))}${column(block('group', `<div class="wp-block-group">${block('paragraph', '<p>Two</p>')}</div>`))}</div>`,
    );
    expect(await mdxOf(html)).toBe('## Left\n\nOne\n\nTwo\n');
  });

  it('makes buttons links, to the site’s own paths where they lead there', async () => {
    const button = (href: string, text: string) =>
      block(
        'button',
        `<div class="wp-block-button"><a class="wp-block-button__link" href="${href}">${text}</a></div>`,
      );
    const html = block(
      'buttons',
      `<div class="wp-block-buttons">${button(`${OLD_SITE}/subscribe/`, 'Subscribe')}${button('https://shop.example/', 'Shop')}</div>`,
    );
    expect(await mdxOf(html)).toBe('[Subscribe](/subscribe/)\n\n[Shop](https://shop.example/)\n');
  });

  it('keeps a details block as <details> with its summary', async () => {
    const html = block(
      'details',
      `<details class="wp-block-details"><summary>More</summary>${block('paragraph', '<p>Hidden words</p>')}</details>`,
    );
    expect(await mdxOf(html)).toBe(
      '<details>\n  <summary>More</summary>\n\n  Hidden words\n</details>\n',
    );
  });

  it('keeps a details block without a summary as its text, shown', async () => {
    const html = `<details><summary> </summary><p>Open words</p></details>`;
    expect(await mdxOf(html)).toBe('Open words\n');
  });

  it('keeps a cover block’s words, not its background picture', async () => {
    const html = block(
      'cover',
      `<div class="wp-block-cover"><img class="wp-block-cover__image-background" alt="" src="${upload('dog.jpg')}"/><div class="wp-block-cover__inner-container">${block('paragraph', '<p>Over the picture</p>')}</div></div>`,
    );
    const body = await converted(html);
    expect(body.mdx).toBe('Over the picture\n');
    expect(body.lost).toEqual(["a cover block's background picture (removed)"]);
  });
});

describe('footnotes', () => {
  const notes = JSON.stringify([
    { id: 'a1', content: 'A <em>note</em>.' },
    { id: 'b2', content: 'Another, with a <a href="https://example.org/x">link</a>.' },
  ]);
  const html =
    block(
      'paragraph',
      '<p>Claim<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">1</a></sup> and more<sup data-fn="b2" class="fn"><a href="#b2" id="b2-link">2</a></sup>.</p>',
    ) + '<!-- wp:footnotes /-->';

  it('makes the block editor’s footnotes Markdown footnotes, their text from the post’s footnotes field', async () => {
    expect(await mdxOf(html, testContext({ footnotes: notes }))).toBe(
      'Claim[^1] and more[^2].\n\n[^1]: A _note_.\n\n[^2]: Another, with a [link](https://example.org/x).\n',
    );
  });

  it('keeps the numbers, and says the text is missing, when the field is not given or not WordPress’s', async () => {
    for (const footnotes of [undefined, '{"not":"a list"}', 'not json']) {
      const body = await converted(html, testContext({ footnotes }));
      expect(body.mdx).toBe('Claim<sup>1</sup> and more<sup>2</sup>.\n');
      expect(body.lost).toEqual([
        "footnotes' text (not in the body: WordPress keeps it in the post's footnotes field, which was not given) (2 times)",
      ]);
    }
  });
});

describe('media and embeds', () => {
  it('makes audio, video and file blocks and shortcodes links to their files', async () => {
    const html =
      block(
        'video',
        `<figure class="wp-block-video"><video controls src="${upload('clip.mp4')}"></video><figcaption>The clip</figcaption></figure>`,
      ) +
      `\n[audio mp3="${upload('talk.mp3')}"][/audio]` +
      block(
        'file',
        `<div class="wp-block-file"><a href="${upload('report.pdf')}">Annual report</a><a href="${upload('report.pdf')}" class="wp-block-file__button" download>Download</a></div>`,
      );
    const body = await converted(html);
    expect(body.mdx).toBe(
      `<figure>\n  [clip.mp4](${upload('clip.mp4')})\n\n  <figcaption>The clip</figcaption>\n</figure>\n\n[talk.mp3](${upload('talk.mp3')})\n\n[Annual report](${upload('report.pdf')})\n`,
    );
    expect(body.lost).toEqual([
      'an audio player (became a link to its file)',
      'a video player (became a link to its file)',
    ]);
  });

  // An address WordPress would not embed stays text, as WordPress shows it (the `\\:` keeps
  // GFM from making it a link).
  it('makes embeds links named for their provider: a URL on its own line, [embed], embed blocks, frames', async () => {
    const html = [
      'https://www.youtube.com/watch?v=abc123',
      '',
      '[embed]https://vimeo.com/12345[/embed]',
      '',
      block(
        'embed',
        '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/WordPress/status/1\n</div><figcaption>A post</figcaption></figure>',
        '{"url":"https://twitter.com/WordPress/status/1","providerNameSlug":"twitter"}',
      ),
      '<iframe src="https://www.youtube.com/embed/xyz789" width="560"></iframe>',
      '',
      'https://unknown.example/page',
    ].join('\n');
    const body = await converted(html);
    expect(body.mdx).toBe(
      '[YouTube](https://www.youtube.com/watch?v=abc123)\n\n[Vimeo](https://vimeo.com/12345)\n\n<figure>\n  [X (Twitter)](https://twitter.com/WordPress/status/1)\n\n  <figcaption>A post</figcaption>\n</figure>\n\n[YouTube](https://www.youtube.com/watch?v=xyz789)\n\nhttps\\://unknown.example/page\n',
    );
    expect(body.lost).toEqual([
      'embedded YouTube content (became a link) (2 times)',
      'embedded X (Twitter) content (became a link)',
      'embedded Vimeo content (became a link)',
    ]);
  });
});

describe('what does not come across', () => {
  it('keeps the text of unknown shortcodes and names them, but not words in brackets', async () => {
    const body = await converted(
      '[contact-form-7 id="3" title="Contact"] [sic] [note]Read this[/note] [[gallery]]',
    );
    expect(body.mdx).toBe(
      '\\[contact-form-7 id="3" title="Contact"] \\[sic] \\[note]Read this\\[/note] \\[gallery]\n',
    );
    expect(body.lost).toEqual([
      'shortcode [contact-form-7] (kept as text)',
      'shortcode [note] (kept as text)',
    ]);
  });

  it('keeps the text of blocks from plugins, and names them and the blocks WordPress fills in when shown', async () => {
    const html =
      block(
        'jetpack/contact-form',
        '<div class="wp-block-jetpack-contact-form"><p>Write to us</p></div>',
      ) +
      '<!-- wp:latest-posts /--><!-- wp:block {"ref":42} /-->' +
      block(
        'core/missing',
        '',
        '{"originalName":"acme/quiz","originalContent":"<p>Quiz text</p>"}',
      );
    const body = await converted(html);
    expect(body.mdx).toBe('Write to us\n\nQuiz text\n');
    expect(body.lost).toEqual([
      'block jetpack/contact-form (kept its text)',
      'block core/latest-posts (WordPress builds it when the page is shown; nothing to keep)',
      'synced pattern #42 (its content is kept apart from the post)',
      'block acme/quiz (kept its text)',
    ]);
  });

  it('joins the pages of a paginated post, and says so', async () => {
    const body = await converted('<p>Page one</p>\n<!--nextpage-->\n<p>Page two</p>');
    expect(body.mdx).toBe('Page one\n\nPage two\n');
    expect(body.lost).toEqual(['page breaks (<!--nextpage-->): the pages are joined into one']);
  });
});

describe('links', () => {
  it('leads the old site’s links straight to where the importer moved their pages', async () => {
    const moved: Record<string, string> = {
      '/2019/05/hello/': '/world/hello',
      '/?p=12': '/world/hello',
    };
    const context = testContext({ newAddress: (path) => moved[path] ?? null });
    const html = `<p><a href="${OLD_SITE}/2019/05/hello/#comments">a</a> <a href="/?p=12">b</a> <a href="/about/">c</a> <a href="#top">d</a></p>`;
    expect(await mdxOf(html, context)).toBe(
      '[a](/world/hello#comments) [b](/world/hello) [c](/about/) [d](#top)\n',
    );
  });

  it('keeps the old path when the new address would lead off the site', async () => {
    const context = testContext({ newAddress: () => '//evil.example/' });
    expect(await mdxOf(`<p><a href="${OLD_SITE}/x/">a</a></p>`, context)).toBe('[a](/x/)\n');
  });

  it('turns the old site’s own addresses into paths, keeps others, and links uploads where they are', async () => {
    const html = `<p><a href="${OLD_SITE}/2019/05/hello/">a</a> <a href="http://www.old.example/?p=12">b</a> <a href="/about/">c</a> <a href="//elsewhere.example/x">d</a> <a href="#part">e</a> <a href="mailto:desk@old.example">f</a> <a href="${upload('cat.jpg')}">g</a> <a href="${upload('notes.pdf')}">h</a></p>`;
    const body = await converted(html);
    expect(body.mdx).toBe(
      `[a](/2019/05/hello/) [b](/?p=12) [c](/about/) [d](https://elsewhere.example/x) [e](#part) [f](mailto:desk@old.example) [g](/images/wordpress/2019/05/cat.jpg) [h](${upload('notes.pdf')})\n`,
    );
    expect(body.pictures).toEqual([upload('cat.jpg')]);
  });
});
