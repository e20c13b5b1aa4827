import { parseRedirects } from '@/lib/content/redirects/parse';
import { readRedirects, redirectsFile } from './site-files';

const entries = [
  { from: '/2019/05/caf%C3%A9/', to: '/world/cafe' },
  { from: '/?p=12', to: '/news/a-story' },
  { from: '/quote"and\\backslash/', to: '/news/b' },
  { from: '/é😀\u2028\u007f/', to: '/news/c' },
  { from: '/#hash: not a comment/', to: '/news/d' },
];

describe('the redirects file', () => {
  it('is read by the content check exactly as written, whatever the addresses hold', () => {
    const { text } = redirectsFile(entries);
    const parsed = parseRedirects('content/redirects/wordpress.yaml', text);
    expect(parsed.findings).toEqual([]);
    expect(parsed.entries.map(({ from, to }) => ({ from, to }))).toEqual(entries);
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true);
  });

  it('is read back by the next import, fast when as written, through YAML when an editor reshaped it', () => {
    expect(readRedirects(redirectsFile(entries).text)).toEqual(entries);
    const reshaped =
      '# mine\nredirects:\n  - to: /news/a\n    from: /old/\n  - { from: /x/, to: /y }\n';
    expect(readRedirects(reshaped)).toEqual([
      { from: '/old/', to: '/news/a' },
      { from: '/x/', to: '/y' },
    ]);
    expect(readRedirects('not: [yaml')).toEqual([]);
    expect(readRedirects(redirectsFile([]).text)).toEqual([]);
    expect(parseRedirects('f', redirectsFile([]).text).findings).toEqual([]);
  });

  it('reads back a file of 100,000 redirects line by line', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      from: `/2019/05/post-${i}/`,
      to: `/news/post-${i}`,
    }));
    expect(readRedirects(redirectsFile(many).text)).toEqual(many);
  });
});
