import { extractToc } from './toc';

describe('extractToc', () => {
  it('lists h2 headings with the ids rehype-slug gives them', () => {
    const md = [
      'Intro paragraph.',
      '## What happened',
      'Text',
      '### A detail',
      '## What happened',
      '## The *second* [look](/x)',
    ].join('\n');
    expect(extractToc(md)).toEqual([
      { id: 'what-happened', text: 'What happened' },
      // The h3 in between takes its own id, so the repeated h2 becomes -1, as rehype-slug does.
      { id: 'what-happened-1', text: 'What happened' },
      { id: 'the-second-look', text: 'The second look' },
    ]);
  });

  it('ignores headings inside code fences', () => {
    expect(extractToc('```md\n## Not a heading\n```\n## Real')).toEqual([
      { id: 'real', text: 'Real' },
    ]);
  });
});
