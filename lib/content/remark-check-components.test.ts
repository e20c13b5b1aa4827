import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { remarkCheckComponents } from './remark-check-components';

const check = (mdx: string) =>
  compile(mdx, { remarkPlugins: [remarkGfm, remarkCheckComponents] }).then(() => 'ok');

describe('remarkCheckComponents', () => {
  it('passes components written as the style guide shows', async () => {
    await expect(
      check(
        [
          '<Timeline caption="Steps">',
          '<TimelineEvent date="2025-04" label="April 2025">One</TimelineEvent>',
          '</Timeline>',
          '',
          '<Callout tone="warning" title="Careful">',
          '',
          'Text',
          '',
          '</Callout>',
          '',
          '<div>HTML is not ours to check</div>',
        ].join('\n'),
      ),
    ).resolves.toBe('ok');
  });

  it('names the line and the fix for a date it cannot read', async () => {
    await expect(
      check('Intro\n\n<Timeline caption="x">\n<TimelineEvent date="Spring 2025">y</TimelineEvent>\n</Timeline>'),
    ).rejects.toThrow(
      'line 4: <TimelineEvent> date: "Spring 2025" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD',
    );
  });

  it('lists every problem in the file at once', async () => {
    await expect(
      check('<Callout tone="loud">x</Callout>\n\n<KeyFacts>\n<Fact>y</Fact>\n</KeyFacts>\n\n<Chart />'),
    ).rejects.toThrow(
      [
        'line 1: <Callout> tone: "loud" is not a tone; write one of note, warning, analysis',
        'line 3: <KeyFacts> needs a caption="…" attribute',
        'line 4: <Fact> needs a label="…" attribute',
        'line 7: <Chart> is not a Masthead component',
      ].join('; '),
    );
  });
});
