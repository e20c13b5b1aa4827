import { formatFinding } from '../build/findings';
import { parseRedirects } from './parse';

const parse = (text: string) => parseRedirects('content/redirects/old.yaml', text);
const problems = (text: string) => parse(text).findings.map(formatFinding);

describe('parseRedirects', () => {
  it('reads each redirect with the lines of its from and to, as an importer writes them', () => {
    const text = [
      '# written by npm run import:wordpress',
      'redirects:',
      '  - from: "/2019/05/hello-world/"',
      '    to: "/world/hello-world"',
      '  - { from: /?p=1, to: /world/hello-world }',
      '  - to: /about',
      '    from: /about-us/',
      '',
    ].join('\n');
    expect(parse(text)).toEqual({
      entries: [
        {
          file: 'content/redirects/old.yaml',
          from: '/2019/05/hello-world/',
          to: '/world/hello-world',
          fromLine: 3,
          toLine: 4,
        },
        {
          file: 'content/redirects/old.yaml',
          from: '/?p=1',
          to: '/world/hello-world',
          fromLine: 5,
          toLine: 5,
        },
        {
          file: 'content/redirects/old.yaml',
          from: '/about-us/',
          to: '/about',
          fromLine: 7,
          toLine: 6,
        },
      ],
      findings: [],
    });
  });

  it('takes an empty file and an empty list as no redirects', () => {
    expect(parse('')).toEqual({ entries: [], findings: [] });
    expect(parse('# nothing yet\n')).toEqual({ entries: [], findings: [] });
    expect(parse('redirects: []\n')).toEqual({ entries: [], findings: [] });
    expect(parse('redirects:\n')).toEqual({ entries: [], findings: [] });
  });

  it('names the line of YAML that does not parse, and of a key written twice', () => {
    expect(problems('redirects:\n  - from: "/a\n    to: /b\n')[0]).toMatch(
      /^content\/redirects\/old\.yaml:\d+ {2}yaml {2}is not valid YAML: /,
    );
    expect(problems('redirects:\n  - from: /a/\n    from: /b/\n    to: /c\n')).toEqual([
      expect.stringMatching(
        /^content\/redirects\/old\.yaml:3 {2}yaml {2}is not valid YAML: Map keys must be unique/,
      ),
    ]);
  });

  it.each([
    [
      'a list without its name',
      '- from: /a/\n  to: /b\n',
      'content/redirects/old.yaml:1  redirects  the file must start with redirects: — write each as - from: /old/address/ and, on the next line, to: /new/address',
    ],
    [
      'a list that is a map',
      'redirects:\n  from: /a/\n  to: /b\n',
      'content/redirects/old.yaml:2  redirects  must be a list — write each as - from: /old/address/ and, on the next line, to: /new/address',
    ],
    [
      'an entry that is text',
      'redirects:\n  - /a/ -> /b\n',
      'content/redirects/old.yaml:2  redirects  each redirect needs a from: and a to: — write each as - from: /old/address/ and, on the next line, to: /new/address',
    ],
    [
      'a to that is a list',
      'redirects:\n  - from: /a/\n    to: [/b, /c]\n',
      'content/redirects/old.yaml:3  to  must be a path, as text — write to: "/…" in quotes',
    ],
    [
      'no to',
      'redirects:\n  - from: /a/\n',
      'content/redirects/old.yaml:2  to  missing — write each as - from: /old/address/ and, on the next line, to: /new/address',
    ],
    [
      'a YAML tag',
      'redirects:\n  - from: !!binary aGVsbG8=\n    to: /b\n',
      'content/redirects/old.yaml:2  from  must be a path, as text — write from: "/…" in quotes',
    ],
  ])('refuses %s, at its line', (_, text, problem) => {
    expect(problems(text)).toEqual([problem]);
  });

  it('refuses more redirects than a file may hold, without checking each', () => {
    const text = `redirects:\n${'  - { from: /a/, to: /b }\n'.repeat(1001)}`;
    expect(
      parseRedirects('content/redirects/old.yaml', text, { max: 1000 }).findings.map(formatFinding),
    ).toEqual([
      'content/redirects/old.yaml:2  redirects  has 1,001 redirects — split them into files of at most 1,000',
    ]);
  });
});
