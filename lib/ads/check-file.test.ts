import { adOrigins } from './csp-origins.js';
import { scriptOrigins } from './schema';
import { checkAds } from './check-file';
import { formatFinding } from '../content/build/findings';
import type { Source } from '../content/build/sources';

const source = (text: string): Source => ({
  kind: 'ads',
  file: 'content/ads.yaml',
  id: 'ads',
  size: text.length,
  mtimeMs: 0,
  read: () => text,
});

const pictures = new Set(['/images/promotions/brief.jpg']);
const check = (text: string) => checkAds(source(text), (file) => pictures.has(file));
const messages = (text: string) => check(text).findings.map(formatFinding);

const HOUSE = `provider: house
slots:
  article:
    afterParagraphs: [9, 3, 3]
    size: { phone: 300x250, desktop: 728x90 }
  footer:
    size: { phone: 320x100, desktop: 970x90 }
promotions:
  - title: The Morning Briefing
    text: Five stories before nine.
    href: /support
    action: Sign up
    image: { src: /images/promotions/brief.jpg, alt: '' }
`;

describe('checkAds', () => {
  it('reads a good file into the settings the site renders', () => {
    const { findings, config } = check(HOUSE);
    expect(findings).toEqual([]);
    expect(config?.slots.article).toEqual({
      afterParagraphs: [3, 9],
      minParagraphs: 6,
      size: { phone: { width: 300, height: 250 }, desktop: { width: 728, height: 90 } },
    });
    expect(config?.slots.listing).toBeUndefined();
    expect(scriptOrigins(config)).toEqual([]);
  });

  it('names the line and field of each mistake, nested ones included', () => {
    expect(
      messages(`provider: hosue
slots:
  article:
    afterParagraphs: [3, x]
    size: { phone: 400x250, desktop: 728-90 }
  listng:
    every: 6
promotions:
  - title: The Morning Briefing
    text: Hello
    href: javascript:alert(1)
    action: Sign up
    image: { src: /images/nope.jpg, alt: '' }
`),
    ).toEqual([
      'content/ads.yaml:1  provider  must be house or script — write provider: house (your own promotions)',
      'content/ads.yaml:4  slots.article.afterParagraphs[1]  must be a whole number — write afterParagraphs: 3',
      'content/ads.yaml:5  slots.article.size.phone  400 pixels is wider than a phone page has room for (328) — use a size at most 328 wide, such as 300x250',
      'content/ads.yaml:5  slots.article.size.desktop  "728-90" is not a size — write it as width x height: 728x90',
      'content/ads.yaml:6  slots.listng  is not a field Masthead knows — remove it, or did you mean `listing`?; see docs/editors.md, "Advertising"',
      'content/ads.yaml:11  promotions[0].href  must be a path on this site or an https address — write href: /support',
      'content/ads.yaml:13  promotions[0].image.src  no file public/images/nope.jpg — add the picture under public/images/',
    ]);
  });

  it('refuses a script anyone on the network could replace, and one with credentials', () => {
    const file = (src: string) =>
      `provider: script\nscript:\n  src: ${src}\nslots:\n  footer:\n    size: { phone: 320x100, desktop: 970x90 }\n`;
    for (const src of [
      'http://ads.example.net/tag.js',
      'https://user:pass@ads.example.net/tag.js',
      'javascript:alert(1)',
      'data:text/javascript,alert(1)',
      '//ads.example.net/tag.js',
    ]) {
      expect(messages(file(src)), src).toEqual([
        expect.stringMatching(/^content\/ads\.yaml:3  script\.src  .* is not an https address/),
      ]);
    }
    const ok = check(file('https://ads.example.net/tag.js'));
    expect(ok.findings).toEqual([]);
    expect(scriptOrigins(ok.config)).toEqual(['https://ads.example.net']);
    // A development ad server on this machine.
    expect(check(file('http://127.0.0.1:4100/tag.js')).findings).toEqual([]);
  });

  describe('an origin the policy would hold', () => {
    const file = (origin: string) =>
      `provider: script\nscript:\n  src: https://ads.example.net/tag.js\n  origins:\n    - https://cdn.example.net\n    - ${origin}\nslots:\n  footer:\n    size: { phone: 320x100, desktop: 970x90 }\n`;
    // Each written as YAML would carry it into the file; the last two as quoted YAML strings.
    it.each([
      ['a wildcard', 'https://*'],
      ['a wildcard label', 'https://*.example.com'],
      ['a second directive', 'https://ads.example.com;sandbox allow-scripts'],
      ['a keyword', '"\'unsafe-eval\'"'],
      ['two origins in one', 'https://a.com https://b.com'],
      ['a user', 'https://user@a.com'],
      ['a path', 'https://a.com/path'],
      ['a lone slash', 'https://a.com/'],
      ['a script URL', 'javascript:alert(1)'],
      ['a port past 65535', 'https://a.com:99999'],
      ['a trailing dot', 'https://a.com.'],
      ['a quote', `'https://a.com"'`],
      ['a trailing newline', '"https://a.com\\n"'],
    ])('refuses %s at its line and field', (_name, origin) => {
      expect(messages(file(origin))).toEqual([
        expect.stringMatching(
          /^content\/ads\.yaml:6  script\.origins\[1\]  ".*" is not a plain origin — write the scheme, host and port only/,
        ),
      ]);
    });

    it('refuses an IDN written in Unicode, and says its ASCII form', () => {
      expect(messages(file('https://bücher.de'))).toEqual([
        'content/ads.yaml:6  script.origins[1]  "https://bücher.de" is not a plain origin — write the host in its ASCII form: https://xn--bcher-kva.de',
      ]);
      expect(check(file('https://xn--bcher-kva.de')).findings).toEqual([]);
    });

    it('refuses http away from this machine', () => {
      expect(messages(file('http://cdn.example.org'))).toEqual([
        'content/ads.yaml:6  script.origins[1]  "http://cdn.example.org" is not an https address — write https://cdn.example.org',
      ]);
    });

    it('admits a plain origin, in the form browsers compare', () => {
      const { findings, config } = check(file('HTTPS://Media.Example.NET:443'));
      expect(findings).toEqual([]);
      expect(scriptOrigins(config)).toEqual([
        'https://ads.example.net',
        'https://cdn.example.net',
        'https://media.example.net',
      ]);
      const local = check(file('http://127.0.0.1:4101'));
      expect(scriptOrigins(local.config)).toContain('http://127.0.0.1:4101');
    });

    it.each([
      'https://*/tag.js',
      'https://ads.example.com;sandbox/tag.js',
      '"https://ads.example.net/tag.js\\n"',
      'https://bücher.de/tag.js',
    ])('refuses a script address whose host the policy cannot hold: %s', (src) => {
      const text = `provider: script\nscript:\n  src: ${src}\nslots:\n  footer:\n    size: { phone: 320x100, desktop: 970x90 }\n`;
      expect(messages(text)).toEqual([
        expect.stringMatching(
          /^content\/ads\.yaml:3  script\.src  ".*" does not name one plain host/,
        ),
      ]);
    });
  });

  it('says what each provider needs', () => {
    expect(messages('provider: script\nslots: {}\n')).toEqual([
      'content/ads.yaml:1  provider  script needs its address — add script: with src: https://… under it',
    ]);
    expect(messages('provider: house\nslots: {}\n')).toEqual([
      'content/ads.yaml:1  promotions  house ads need promotions to show — add promotions: with one or more',
    ]);
  });

  it('reports broken YAML and an empty file at a line, and never throws', () => {
    expect(messages('provider: house\nslots: [\n')[0]).toMatch(
      /^content\/ads\.yaml:\d+  yaml  is not valid YAML/,
    );
    expect(messages('')[0]).toMatch(/^content\/ads\.yaml:1  provider  must be house or script/);
    for (const junk of ['- a\n- b\n', '42\n', 'provider: !!js/function "alert(1)"\n', '~\n']) {
      expect(() => check(junk), junk).not.toThrow();
      expect(check(junk).config, junk).toBeUndefined();
    }
  });
});

describe('adOrigins (next.config.js)', () => {
  it('admits origins only for a script provider, and only plain ones', () => {
    expect(adOrigins(undefined)).toEqual([]);
    expect(adOrigins({ provider: 'house', script: { src: 'https://a.example' } })).toEqual([]);
    expect(
      adOrigins({
        provider: 'script',
        script: {
          src: 'https://ads.example.net/tag.js',
          origins: ['https://cdn.example.net', 'not a url', 'javascript:alert(1)', 42],
        },
      }),
    ).toEqual(['https://ads.example.net', 'https://cdn.example.net']);
  });

  // The second line of defence: next.config.js reads ads.yaml itself, checked or not.
  it('skips every value that is not a plain origin, in origins and in the script address', () => {
    const hostile = [
      'https://*',
      'https://ads.example.com;sandbox allow-scripts',
      "'unsafe-eval'",
      'https://a.com https://b.com',
      'https://user@a.com',
      'https://a.com/path',
      'javascript:alert(1)',
      'https://a.com:99999',
      'https://bücher.de',
      'https://a.com\n',
      'http://cdn.example.org',
    ];
    const config = (src: unknown, origins: unknown[]) => ({
      provider: 'script',
      script: { src, origins },
    });
    expect(adOrigins(config('https://ads.example.net/tag.js', hostile))).toEqual([
      'https://ads.example.net',
    ]);
    // A script's address has a path; everything else that makes an origin hostile stays so.
    for (const value of hostile.filter((v) => v !== 'https://a.com/path')) {
      expect(adOrigins(config(`${value}/tag.js`, [])), value).toEqual([]);
    }
    expect(adOrigins(config('https://ads.example.net/tag.js\n', []))).toEqual([]);
    expect(adOrigins(config('https://user:pw@ads.example.net/tag.js', []))).toEqual([]);
  });
});
