import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { remarkCheckMdx, type MdxProblem } from './remark-check-mdx';

/** The content build's way: the plugin fails the compile, naming each line. */
const build = (mdx: string) =>
  compile(mdx, { remarkPlugins: [remarkGfm, remarkCheckMdx] }).then(() => 'ok');

/** The content check's way: the plugin reports, and the compile goes on. */
async function problemsIn(mdx: string): Promise<string[]> {
  const problems: MdxProblem[] = [];
  await compile(mdx, {
    remarkPlugins: [remarkGfm, [remarkCheckMdx, { report: (p: MdxProblem) => problems.push(p) }]],
  });
  return problems.map((p) => `${p.line}: ${p.problem} — ${p.fix}`);
}

const EMBED_FIX =
  'link to it instead, e.g. [Watch the video](https://…); components for videos and social posts will come';
const URL_FIX = 'link with https://…, a path on this site such as /world/a-story, or mailto:';
const NO_SCRIPT = 'remove it: an article cannot run scripts';

describe('remarkCheckMdx: MDX is content, not code', () => {
  it.each([
    [
      'an expression that prints a server secret',
      'Key: {process.env.SECRET_KEY}',
      '1: `{process.env.SECRET_KEY}` is JavaScript, and an article cannot run code — write the text itself; to show a curly brace, write \\{',
    ],
    [
      'an expression on a line of its own',
      '{process.env.X}',
      '1: `{process.env.X}` is JavaScript, and an article cannot run code — write the text itself; to show a curly brace, write \\{',
    ],
    [
      'an expression hidden after a comment',
      '{/* note */ globalThis.fetch("https://evil.example")}',
      '1: `{/* note */ globalThis.fetch("https://ev…}` is JavaScript, and an article cannot run code — write the text itself; to show a curly brace, write \\{',
    ],
    [
      'an export',
      'export const x = process.env.X',
      '1: `export const x = process.env.X` is JavaScript — remove the line and write the text itself',
    ],
    [
      'an import',
      "import secrets from '../../.env.json'",
      "1: `import secrets from '../../.env.json'` loads code into the article — remove the line: components need no import, and an article cannot load code or files",
    ],
    [
      'a script',
      '<script>alert(1)</script>',
      '1: <script> would run code in the page — remove it; for something interactive, ask the developers for a component',
    ],
    [
      'an iframe',
      '<iframe src="https://evil.example" />',
      `1: <iframe> embeds another page or media, which articles cannot do yet — ${EMBED_FIX}`,
    ],
    [
      'an iframe with srcdoc',
      '<iframe srcdoc="<script>alert(1)</script>" />',
      `1: <iframe> embeds another page or media, which articles cannot do yet — ${EMBED_FIX}`,
    ],
    [
      'a style element',
      '<style>body</style>',
      "1: <style> changes the page, not the article — remove it: the site's design styles every article",
    ],
    [
      'an object',
      '<object data="/x.swf" />',
      `1: <object> embeds another page or media, which articles cannot do yet — ${EMBED_FIX}`,
    ],
    [
      'an embed',
      '<embed src="/x.swf" />',
      `1: <embed> embeds another page or media, which articles cannot do yet — ${EMBED_FIX}`,
    ],
    [
      'a javascript: href',
      '<a href="javascript:alert(1)">x</a>',
      `1: <a> href: a javascript: link is refused — ${URL_FIX}`,
    ],
    [
      'a javascript: href written with a character reference',
      '<a href="&#106;avascript:alert(1)">x</a>',
      `1: <a> href: a javascript: link is refused — ${URL_FIX}`,
    ],
    [
      'a javascript: href split by a tab, in capitals, after a space',
      '<a href=" JAVA&#9;SCRIPT:alert(1)">x</a>',
      `1: <a> href: a javascript: link is refused — ${URL_FIX}`,
    ],
    [
      'a data: href',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      `1: <a> href: a data: link is refused — ${URL_FIX}`,
    ],
    [
      'a javascript: cite',
      '<q cite="javascript:alert(1)">x</q>',
      `1: <q> cite: a javascript: link is refused — ${URL_FIX}`,
    ],
    [
      'a Markdown javascript: link',
      '[x](javascript:alert(1))',
      `1: a javascript: link is refused — ${URL_FIX}`,
    ],
    [
      'a Markdown vbscript: link by reference',
      '[x][r]\n\n[r]: vbscript:msgbox(1)',
      `3: a vbscript: link is refused — ${URL_FIX}`,
    ],
    [
      'a Markdown data: picture',
      '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
      '1: a picture from a data: address is refused — use a picture under /images/, or an https:// address',
    ],
    [
      'an img with onerror',
      '<img src="x" onerror="alert(1)" />',
      '1: <img> is HTML that Markdown writes for you — write ![what the picture shows](/images/picture.jpg)',
      `1: \`onerror\` on <img> is an event handler, which runs a script — ${NO_SCRIPT}`,
    ],
    [
      'a div with onClick',
      '<div onClick={() => alert(1)}>x</div>',
      '1: <div> is not an element an article may use — write Markdown, or use one of the components: Timeline, TimelineEvent, KeyFacts, Fact, Callout, KeyTakeaways, PullQuote, ReaderQuestions, Question, Update',
      `1: \`onClick\` on <div> is an event handler, which runs a script — ${NO_SCRIPT}`,
    ],
    [
      'an event handler on an allowed element',
      '<span onmouseover="alert(1)">x</span>',
      `1: \`onmouseover\` on <span> is an event handler, which runs a script — ${NO_SCRIPT}`,
    ],
    [
      'a spread on a component',
      '<Callout {...props}>x</Callout>',
      '1: `{...props}` on <Callout> passes code — write each attribute as name="text"',
    ],
    [
      'an attribute in braces',
      '<Callout title={process.env.X}>x</Callout>',
      '1: `title={process.env.X}` on <Callout> is JavaScript — write title="…" with the text in quotes',
    ],
    [
      'a style attribute',
      '<span style="position:fixed">x</span>',
      "1: `style` is not an attribute <span> may have — remove it: the site's design styles every article; use **bold** or _italic_ for emphasis",
    ],
    [
      'a fragment',
      '<>x</>',
      '1: `<>` is JSX, not content — remove <> and </> and keep the text between them',
    ],
    [
      'a member expression as a tag',
      '<props.Evil />',
      '1: `<props.Evil>` is JSX, not an element an article may use — write Markdown, or use one of the components',
    ],
  ])('refuses %s', async (_, mdx, ...expected) => {
    expect(await problemsIn(mdx)).toEqual(expected);
    await expect(build(mdx)).rejects.toThrow(
      expected[0]?.replace(/^(\d+): (.*) — /, 'line $1: $2; '),
    );
  });

  it('passes code shown as text, MDX comments, and the HTML editors write in prose', async () => {
    const mdx = [
      'Type `{process.env.X}` or `<script>`; write \\{ for a brace. {/* a note to the desk */}',
      '',
      '```html',
      '<script>alert(1)</script>',
      '```',
      '',
      'The <abbr title="European Central Bank">ECB</abbr>, CO<sub>2</sub>, <mark>new</mark>, <kbd>Ctrl</kbd>,',
      '<a href="https://example.org/a?b=c" title="t">a link</a>, <a href="mailto:desk@example.org">mail</a>,',
      '<a href="/world/story#part">a path</a>, <time datetime="2026-01-05">Monday</time>, <span lang="fr">merci</span>.',
      '',
      '[A story](/world/x), [a site](https://example.org), ![A map](/images/map.png)',
    ].join('\n');
    expect(await problemsIn(mdx)).toEqual([]);
  });

  it('names a heading or a link without words, and passes one with a described picture or code', async () => {
    expect(
      await problemsIn(
        '## ![](/images/logo.png)\n\n##  \n\nSee [](https://example.org/) and [ ](/world/kim).\n',
      ),
    ).toEqual([
      '1: a heading without words — write words after the #, or remove it',
      '3: a heading without words — write words after the #, or remove it',
      '5: a link without words — write the words to click: [words](address)',
      '5: a link without words — write the words to click: [words](address)',
    ]);
    expect(
      await problemsIn(
        '## ![The logo](/images/logo.png)\n\n## `npm test`\n\n[![Map](/m.png)](/world)\n',
      ),
    ).toEqual([]);
  });

  it('lists every problem in the file at once, each on its own line', async () => {
    await expect(
      build(
        '<Callout tone="loud">x</Callout>\n\n<KeyFacts>\n<Fact>y</Fact>\n</KeyFacts>\n\n<Chart />\n\n{1 + 1}',
      ),
    ).rejects.toThrow(
      [
        'line 1: <Callout> tone: "loud" is not a tone; write one of note, warning, analysis',
        'line 3: <KeyFacts> needs a caption="…" attribute; write <KeyFacts caption="…">',
        'line 4: <Fact> needs a label="…" attribute; write <Fact label="…">',
        'line 7: <Chart> is not a Masthead component; use one of Timeline, TimelineEvent, KeyFacts, Fact, Callout, KeyTakeaways, PullQuote, ReaderQuestions, Question, Update',
        'line 9: `{1 + 1}` is JavaScript, and an article cannot run code; write the text itself; to show a curly brace, write \\{',
      ].join('\n'),
    );
  });

  it('names the line and the fix for a date it cannot read', async () => {
    await expect(
      build(
        'Intro\n\n<Timeline caption="x">\n<TimelineEvent date="Spring 2025">y</TimelineEvent>\n</Timeline>',
      ),
    ).rejects.toThrow(
      'line 4: <TimelineEvent> date: "Spring 2025" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD',
    );
  });

  it('lets through the frontmatter export the content build adds itself, which has no place in the file', async () => {
    const withFrontmatter = {
      type: 'root',
      children: [{ type: 'mdxjsEsm', value: '', data: { estree: { type: 'Program', body: [] } } }],
    };
    const problems: MdxProblem[] = [];
    remarkCheckMdx({ report: (p) => problems.push(p) })(withFrontmatter as never);
    expect(problems).toEqual([]);
  });
});
