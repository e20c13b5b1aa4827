import { parseCommentText, type Segment, SHOWN_MAX, shownName, webAddress } from './text';

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

  it.each([
    ['an out-of-range IPv4 host', 'see http://999.1.1.1 now'],
    ['five-part IPv4 host', 'see http://1.2.3.4.5 now'],
    ['a malformed punycode label', 'see http://xn--a.com now'],
  ])('renders a "URL" the URL parser rejects (%s) as plain text', (_name, text) => {
    expect(parseCommentText(text)).toEqual([[[{ kind: 'text', text }]]]);
  });

  it('keeps linking good addresses next to bad ones', () => {
    expect(parseCommentText('http://999.1.1.1 or https://ok.example')).toEqual([
      [
        [
          { kind: 'text', text: 'http://999.1.1.1 or ' },
          { kind: 'link', text: 'https://ok.example', href: 'https://ok.example' },
        ],
      ],
    ]);
  });

  it('cleans rows stored before the input checks: NUL, escapes, overrides', () => {
    expect(parseCommentText('a\u0000b \u001b[31mred\u202E')).toEqual([
      [[{ kind: 'text', text: 'ab [31mred' }]],
    ]);
  });

  it('survives a huge comment and one of only whitespace', () => {
    expect(parseCommentText(' \n\n \t ')).toEqual([]);
    const huge = `${'word '.repeat(40_000)}http://999.1.1.1`;
    expect(parseCommentText(huge)).toHaveLength(1);
  });

  it('shows at most SHOWN_MAX characters of a row longer than any form allows', () => {
    const [[[segment]]] = parseCommentText('x'.repeat(1_000_000)) as [[[Segment]]];
    expect(segment).toEqual({ kind: 'text', text: `${'x'.repeat(SHOWN_MAX)}…` });
  });
});

describe('webAddress', () => {
  it.each([
    ['https://example.com/x', 'https://example.com/x'],
    ['http://999.1.1.1', null],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['//evil.example', null],
    ['', null],
    [null, null],
  ])('%s -> %s', (input, expected) => {
    expect(webAddress(input)).toBe(expected);
  });
});

describe('shownName', () => {
  it.each([
    ['', 'A reader'],
    ['\u200B\u202E', 'A reader'],
    ['Esc\u001b[31m', 'Esc[31m'],
    ['n'.repeat(10_000), 'n'.repeat(160)],
    ['Ana\nBel', 'Ana Bel'],
  ])('shows the stored name %j as %j', (stored, shown) => {
    expect(shownName(stored)).toBe(shown);
  });
});
