import { parseCommentText } from './text';

describe('parseCommentText', () => {
  it('keeps paragraphs and line breaks', () => {
    expect(parseCommentText('One\nline two\n\n\nPara two\r\n')).toEqual([
      [[{ kind: 'text', text: 'One' }], [{ kind: 'text', text: 'line two' }]],
      [[{ kind: 'text', text: 'Para two' }]],
    ]);
  });

  it('links http and https addresses and nothing else', () => {
    expect(
      parseCommentText(
        'see https://example.com/a?b=1, javascript:alert(1) and mailto:x@example.com',
      ),
    ).toEqual([
      [
        [
          { kind: 'text', text: 'see ' },
          { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
          { kind: 'text', text: ', javascript:alert(1) and mailto:x@example.com' },
        ],
      ],
    ]);
  });
});
