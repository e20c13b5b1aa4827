import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@/lib/content/build/frontmatter';
import { editorFormCases, type RefusedForm } from '@/test/support/editor-forms';
import { invalidHtml, renderBody } from '@/test/support/rendered-body';

/**
 * Every component, written the ways an editor plausibly writes it. Each form either renders
 * markup a validator accepts (content model included: no <ul> in a <dl>, no <div> in a <p>), or
 * is refused by both the content check and the content build at the right line.
 */

/**
 * The content build as it runs on every file: one compile, with the checks as part of it. A
 * body with problems gets no code, and the build reports each at its line.
 */
const build = renderBody;

const validate = (html: string) => invalidHtml(html, { title: false });

const lines = (...rows: string[]) => rows.join('\n');

const ACCEPTED: Record<string, string> = {
  'Timeline, events one per line (style guide)': lines(
    '<Timeline caption="Steps">',
    '<TimelineEvent date="2025-11" label="November 2025">Editors agree.</TimelineEvent>',
    '<TimelineEvent date="2025-12-15">The draft circulates.</TimelineEvent>',
    '</Timeline>',
  ),
  'Timeline, indented events with text on their own lines (editors.md)': lines(
    '<Timeline caption="Steps">',
    '  <TimelineEvent date="2025-11">Editors agree.</TimelineEvent>',
    '  <TimelineEvent date="2025-12-15" label="December 15, 2025">',
    '    The first draft circulates.',
    '  </TimelineEvent>',
    '</Timeline>',
  ),
  'Timeline, all on one line':
    '<Timeline caption="Steps"> <TimelineEvent date="2025">One.</TimelineEvent> <TimelineEvent date="2026">Two.</TimelineEvent> </Timeline>',
  'Timeline, events between blank lines, one with two paragraphs': lines(
    '<Timeline caption="Steps">',
    '',
    '<TimelineEvent date="2025">One.</TimelineEvent>',
    '',
    '<TimelineEvent date="2026">',
    '',
    'Two, **bold**.',
    '',
    'And more.',
    '',
    '</TimelineEvent>',
    '',
    '</Timeline>',
  ),
  'KeyFacts, facts one per line, with Markdown in a fact': lines(
    '<KeyFacts caption="At a glance">',
    '<Fact label="Countries">North Korea and **Russia**</Fact>',
    '<Fact label="Source">[The agency](https://example.org/report)</Fact>',
    '</KeyFacts>',
  ),
  'KeyFacts, on one line':
    '<KeyFacts caption="At a glance"><Fact label="A">1</Fact><Fact label="B">2</Fact></KeyFacts>',
  'Callout, Markdown between blank lines': lines(
    '<Callout tone="analysis" title="Why">',
    '',
    'A **bold** claim.',
    '',
    'Another paragraph.',
    '',
    '</Callout>',
  ),
  'Callout, Markdown without blank lines': lines(
    '<Callout tone="warning">',
    'A line of text.',
    '</Callout>',
  ),
  'Callout, on one line': '<Callout title="Note">Words with _emphasis_.</Callout>',
  'Callout, holding a list and a table': lines(
    '<Callout>',
    '',
    '- one',
    '- two',
    '',
    '| a | b |',
    '| - | - |',
    '| 1 | 2 |',
    '',
    '</Callout>',
  ),
  'KeyTakeaways, a list between blank lines': lines(
    '<KeyTakeaways>',
    '',
    '- One.',
    '- Two.',
    '',
    '</KeyTakeaways>',
  ),
  'KeyTakeaways, a list without blank lines': lines(
    '<KeyTakeaways>',
    '- One.',
    '- Two.',
    '</KeyTakeaways>',
  ),
  'KeyTakeaways, paragraphs instead of a list': lines(
    '<KeyTakeaways title="In short">',
    '',
    'One point.',
    '',
    'Another point.',
    '',
    '</KeyTakeaways>',
  ),
  'KeyTakeaways, on one line': '<KeyTakeaways>Only one point.</KeyTakeaways>',
  'PullQuote, on one line':
    '<PullQuote cite="An editor">If it does not help, **leave it out**.</PullQuote>',
  'PullQuote, words on their own line (editors.md)': lines(
    '<PullQuote cite="Ha Ji-won">',
    '  Pyongyang is no longer hiding the cost.',
    '</PullQuote>',
  ),
  'PullQuote, two paragraphs between blank lines': lines(
    '<PullQuote>',
    '',
    'First sentence.',
    '',
    'Second sentence.',
    '',
    '</PullQuote>',
  ),
  'ReaderQuestions, questions one per line (style guide)': lines(
    '<ReaderQuestions>',
    '<Question text="Will prices rise?">A little.</Question>',
    '<Question text="When?">Next year.</Question>',
    '</ReaderQuestions>',
  ),
  'ReaderQuestions, answers on their own lines (editors.md)': lines(
    '<ReaderQuestions>',
    '  <Question text="Will my bill go up?">',
    '    Probably a little this winter.',
    '  </Question>',
    '</ReaderQuestions>',
  ),
  'ReaderQuestions, a list of open questions and a closing line (the reference page)': lines(
    '<ReaderQuestions>',
    '',
    '- How might a deeper alignment influence regional security?',
    '- What steps should international bodies consider?',
    '',
    'Share your thoughts in the comments below.',
    '',
    '</ReaderQuestions>',
  ),
  'ReaderQuestions, questions as paragraphs': lines(
    '<ReaderQuestions>',
    '',
    'How might a deeper alignment influence regional security?',
    '',
    'What steps should international bodies consider?',
    '',
    '</ReaderQuestions>',
  ),
  'ReaderQuestions, an introduction, answered questions and a closing line': lines(
    '<ReaderQuestions title="Your questions">',
    '',
    'We asked readers what they wanted to know.',
    '',
    '<Question text="Will prices rise?">A little.</Question>',
    '<Question text="When?">Next year.</Question>',
    '',
    'Share your thoughts in the comments below.',
    '',
    '</ReaderQuestions>',
  ),
  'a component in a list item and in a block quote': lines(
    '- <Callout>Inside a list.</Callout>',
    '',
    '> <PullQuote>Inside a quote.</PullQuote>',
  ),
  'inline HTML marks in a sentence': lines(
    'The <abbr title="European Central Bank">ECB</abbr> met on <time datetime="2026-01-05">Monday</time>;',
    'CO<sub>2</sub> rose, E = mc<sup>2</sup>, press <kbd>Ctrl</kbd>, <mark>this</mark>, <q cite="https://example.org">quoted</q>,',
    'a line<br />break and a [link](/world/x) and <a href="https://example.org" title="Example">another</a>.',
  ),
  'details and figure as boxes of their own': lines(
    '<details>',
    '<summary>How we reported this</summary>',
    '',
    'We spoke to **twelve** people.',
    '',
    '</details>',
    '',
    '<details><summary>Short</summary>Inline answer.</details>',
    '',
    '<figure>',
    '',
    '![A map of the region](/images/map.png)',
    '',
    '<figcaption>The region, 2025.</figcaption>',
    '</figure>',
  ),
  'code and comments, which are text and notes, not code to run': lines(
    'Type `<script>` or `{process.env.X}` to see it literally. {/* a note to the desk */}',
    '',
    '```',
    'export const x = {process.env.SECRET};',
    '```',
    '',
    '{/* another note */}',
  ),
};

/** Each form, and the first problem the check names: its line and the start of the message. */
const REFUSED: Record<string, RefusedForm> = {
  ...Object.fromEntries(
    [
      '<Timeline caption="c"><TimelineEvent date="2025">x</TimelineEvent></Timeline>',
      '<KeyFacts caption="c"><Fact label="l">x</Fact></KeyFacts>',
      '<Callout>x</Callout>',
      '<KeyTakeaways>x</KeyTakeaways>',
      '<PullQuote>x</PullQuote>',
      '<ReaderQuestions><Question text="q">a</Question></ReaderQuestions>',
    ].map((tag) => {
      const name = /<(\w+)/.exec(tag)?.[1] ?? '';
      return [
        `${name} inside a sentence`,
        [
          `Intro.\n\nAs we said ${tag} before.`,
          3,
          `<${name}> is a box of its own and cannot sit inside a sentence`,
        ],
      ];
    }),
  ),
  'a component in a heading': [
    '## Facts <KeyFacts caption="c"><Fact label="l">x</Fact></KeyFacts>',
    1,
    '<KeyFacts> is a box of its own',
  ],
  'a component in a table cell': [
    '| a |\n| - |\n| <Callout>x</Callout> |',
    3,
    '<Callout> is a box of its own',
  ],
  'TimelineEvent outside a Timeline': [
    'Intro.\n\n<TimelineEvent date="2025">x</TimelineEvent>',
    3,
    '<TimelineEvent> only works inside <Timeline>',
  ],
  'Fact outside KeyFacts': [
    '<Fact label="Dead">9</Fact>',
    1,
    '<Fact> only works inside <KeyFacts>',
  ],
  'Question outside ReaderQuestions': [
    '<Question text="Why?">Because.</Question>',
    1,
    '<Question> only works inside <ReaderQuestions>',
  ],
  'Fact inside a Timeline': [
    lines('<Timeline caption="c">', '<Fact label="l">x</Fact>', '</Timeline>'),
    2,
    '<Fact> only works inside <KeyFacts>',
  ],
  'Question in a list item inside ReaderQuestions': [
    lines(
      '<ReaderQuestions>',
      '',
      '- <Question text="Why?">Because.</Question>',
      '',
      '</ReaderQuestions>',
    ),
    3,
    '<Question> only works inside <ReaderQuestions>',
  ],
  'two Questions in a sentence': [
    lines(
      '<ReaderQuestions>',
      '<Question text="a">b</Question> and <Question text="c">d</Question>',
      '</ReaderQuestions>',
    ),
    2,
    '<Question> is a box of its own',
  ],
  'a paragraph inside a Timeline': [
    lines(
      '<Timeline caption="c">',
      '<TimelineEvent date="2025">x</TimelineEvent>',
      '',
      'Then nothing happened.',
      '',
      '</Timeline>',
    ),
    4,
    '<Timeline> holds only <TimelineEvent> lines, not text',
  ],
  'a list inside KeyFacts': [
    lines('<KeyFacts caption="c">', '', '- Dead: 9', '', '</KeyFacts>'),
    3,
    '<KeyFacts> holds only <Fact> lines, not a list',
  ],
  'a table inside a Timeline': [
    lines('<Timeline caption="c">', '', '| a |', '| - |', '| 1 |', '', '</Timeline>'),
    3,
    '<Timeline> holds only <TimelineEvent> lines, not a table',
  ],
  'a heading inside KeyFacts': [
    lines('<KeyFacts caption="c">', '', '## Facts', '', '</KeyFacts>'),
    3,
    '<KeyFacts> holds only <Fact> lines, not a heading',
  ],
  'a heading inside a Callout': [
    lines('<Callout>', '', '### Why it matters', '', 'Text.', '', '</Callout>'),
    3,
    'a heading cannot go inside <Callout>',
  ],
  'an empty Callout': ['<Callout />', 1, '<Callout> is empty'],
  'an empty Callout with blank lines': [
    '<Callout title="t">\n\n</Callout>',
    1,
    '<Callout> is empty',
  ],
  'an empty Timeline': ['<Timeline caption="c">\n</Timeline>', 1, '<Timeline> is empty'],
  'an empty KeyFacts': ['<KeyFacts caption="c"></KeyFacts>', 1, '<KeyFacts> is empty'],
  'an empty KeyTakeaways': ['<KeyTakeaways>\n\n</KeyTakeaways>', 1, '<KeyTakeaways> is empty'],
  'an empty PullQuote': ['<PullQuote cite="x" />', 1, '<PullQuote> is empty'],
  'an empty ReaderQuestions': ['<ReaderQuestions />', 1, '<ReaderQuestions> is empty'],
  'a Question without an answer': [
    lines('<ReaderQuestions>', '<Question text="Why?" />', '</ReaderQuestions>'),
    2,
    '<Question> is empty',
  ],
  'an empty TimelineEvent': [
    lines('<Timeline caption="c">', '<TimelineEvent date="2025" />', '</Timeline>'),
    2,
    '<TimelineEvent> is empty',
  ],
  'an empty Fact': [
    lines('<KeyFacts caption="c">', '<Fact label="l"></Fact>', '</KeyFacts>'),
    2,
    '<Fact> is empty',
  ],
  'a Callout inside KeyTakeaways': [
    lines('<KeyTakeaways>', '', '- One.', '', '<Callout>Careful.</Callout>', '', '</KeyTakeaways>'),
    5,
    '<Callout> cannot go inside <KeyTakeaways>',
  ],
  'KeyFacts inside a Callout': [
    lines('<Callout>', '<KeyFacts caption="c"><Fact label="l">x</Fact></KeyFacts>', '</Callout>'),
    2,
    '<KeyFacts> cannot go inside <Callout>',
  ],
  'a PullQuote inside an answer': [
    lines(
      '<ReaderQuestions>',
      '<Question text="q">',
      '<PullQuote>Words.</PullQuote>',
      '</Question>',
      '</ReaderQuestions>',
    ),
    3,
    '<PullQuote> cannot go inside <Question>',
  ],
  'a Timeline inside a Timeline': [
    lines(
      '<Timeline caption="a">',
      '<Timeline caption="b"><TimelineEvent date="2025">x</TimelineEvent></Timeline>',
      '</Timeline>',
    ),
    2,
    '<Timeline> cannot go inside <Timeline>',
  ],
  'details inside a sentence': [
    'Read <details><summary>more</summary>this</details> now.',
    1,
    '<details> cannot go inside a sentence',
  ],
  'summary outside details': [
    '<summary>Alone</summary>',
    1,
    '<summary> only works inside <details>',
  ],
  'a span holding a paragraph': [
    '<span>\n\nA paragraph.\n\n</span>',
    1,
    '<span> holds words within a line',
  ],
  'a component written in lower case': [
    '<callout>x</callout>',
    1,
    '<callout> is not an element an article may use',
  ],
};

// Compiling MDX takes a while on a busy machine; the first compile warms every plugin up.
describe('components written the ways editors write them', { timeout: 30_000 }, () => {
  editorFormCases(ACCEPTED, REFUSED);
});

describe('the newsroom as it is', { timeout: 30_000 }, () => {
  const dir = path.join(__dirname, '../../content/articles');
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.mdx'));

  it.each(files)('%s renders valid markup', async (file) => {
    const { body } = parseFrontmatter(readFileSync(path.join(dir, file), 'utf8'));
    expect(await validate(await build(body))).toEqual([]);
  });
});
