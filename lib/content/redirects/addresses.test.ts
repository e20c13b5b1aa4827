import { findRedirect, fromKey, pathKey, sameSitePath } from './addresses';

const keyOf = (from: string) => {
  const result = fromKey(from);
  return 'key' in result ? result.key : undefined;
};

describe('pathKey', () => {
  it.each([
    ['a WordPress permalink', '/2019/05/hello-world/', '/2019/05/hello-world'],
    ['the same without the slash', '/2019/05/hello-world', '/2019/05/hello-world'],
    ['in capitals', '/2019/05/Hello-World/', '/2019/05/hello-world'],
    ['the front page', '/', '/'],
    // WordPress writes non-ASCII slugs percent-encoded in lower case; browsers in upper case.
    ['an encoded Cyrillic slug, lower-case hex', '/%d0%bf%d1%80%d0%b8/', '/%D0%BF%D1%80%D0%B8'],
    ['the same, upper-case hex', '/%D0%BF%D1%80%D0%B8', '/%D0%BF%D1%80%D0%B8'],
    ['the same, unencoded', '/при', '/%D0%BF%D1%80%D0%B8'],
    ['the same, in capitals', '/ПРИ', '/%D0%BF%D1%80%D0%B8'],
    ['é composed', '/caf%C3%A9', '/caf%C3%A9'],
    ['é decomposed (e and an accent), as macOS writes it', '/cafe%CC%81', '/caf%C3%A9'],
    ['an encoded letter', '/hello%2Dworld', '/hello-world'],
    ['a file', '/wp-content/uploads/2019/05/IMG_1.JPG', '/wp-content/uploads/2019/05/img_1.jpg'],
  ])('reads %s one way', (_, path, key) => {
    expect(pathKey(path)).toBe(key);
  });

  it.each([
    ['an empty segment', '//evil.example/'],
    ['an empty segment inside', '/a//b'],
    ['two slashes at the end', '/a//'],
    ['an encoded slash', '/a%2Fb'],
    ['an encoded backslash', '/a%5Cb'],
    ['a dot segment', '/a/./b'],
    ['a dot-dot segment', '/a/../b'],
    ['an encoded dot-dot segment', '/a/%2e%2e/b'],
    ['a NUL', '/a%00'],
    ['a newline', '/a%0A'],
    ['a broken escape', '/a%E0%A4%A'],
    ['not an escape', '/100%'],
    ['an encoded lone surrogate', '/a%ED%A0%80'],
    ['a lone surrogate', '/a\uD800'],
    ['no slash first', 'a/b'],
    ['nothing', ''],
    ['a very long path', `/${'a'.repeat(2000)}`],
  ])('has no key for %s', (_, path) => {
    expect(pathKey(path)).toBeUndefined();
  });
});

describe('fromKey', () => {
  it('takes one query parameter, as WordPress’s ?p=123', () => {
    expect(keyOf('/?p=123')).toBe('/?p=123');
    expect(keyOf('/?page_id=2')).toBe('/?page_id=2');
    expect(keyOf('/index.php?P=123')).toBe('/index.php?p=123');
    expect(keyOf('/?tag=Caf%C3%A9')).toBe('/?tag=caf%C3%A9');
  });

  it.each([
    [
      'an absolute address',
      'https://old.example/2019/05/hello/',
      "write the path alone, without the old site's name: /2019/05/hello/",
    ],
    [
      'a protocol-relative address',
      '//old.example/a',
      'write the old address as a path starting with /, e.g. /2019/05/hello-world/',
    ],
    [
      'a bare slug',
      'hello-world',
      'write the old address as a path starting with /, e.g. /2019/05/hello-world/',
    ],
    ['a fragment', '/a#comments', 'remove it from # on'],
    [
      'two parameters',
      '/?p=1&preview=true',
      'a redirect takes a path and at most one parameter, as WordPress’s /?p=123',
    ],
    [
      'an empty parameter',
      '/?p=',
      'a redirect takes a path and at most one parameter, as WordPress’s /?p=123',
    ],
    [
      'a control character',
      '/a%0Ab',
      'write each part between slashes once, without //, . or .., control characters or a stray %',
    ],
  ])('refuses %s', (_, from, fix) => {
    expect(fromKey(from)).toMatchObject({ fix });
  });
});

describe('sameSitePath', () => {
  it.each([
    ['/world/hello-world', '/world/hello-world'],
    ['/', '/'],
    ['/search?q=energy', '/search?q=energy'],
    ['/tags/café', '/tags/caf%C3%A9'],
    ['/images/wordpress/2019/05/a.jpg', '/images/wordpress/2019/05/a.jpg'],
  ])('keeps %s on this site', (to, location) => {
    expect(sameSitePath(to)).toBe(location);
  });

  it.each([
    ['protocol-relative', '//evil.example/'],
    ['protocol-relative with a backslash', '/\\evil.example'],
    ['a backslash later', '/a\\b'],
    ['a tab browsers strip', '/\t/evil.example'],
    ['a newline browsers strip', '/\n/evil.example'],
    ['a space', '/ /evil.example'],
    ['an absolute address', 'https://evil.example/'],
    ['another scheme', 'javascript:alert(1)'],
    ['a dot segment that makes it protocol-relative', '/.//evil.example'],
    ['a relative path', 'world/a'],
    ['a zero-width space', '/\u200B/evil.example'],
    ['nothing', ''],
  ])('refuses %s', (_, to) => {
    expect(sameSitePath(to)).toBeUndefined();
  });
});

describe('findRedirect', () => {
  const redirects = new Map([
    [keyOf('/2019/05/hello-world/')!, '/world/hello-world'],
    [keyOf('/?p=1')!, '/world/hello-world'],
    [keyOf('/%d0%bf%d1%80%d0%b8/')!, '/world/privet'],
  ]);
  const find = (url: string) => {
    const { pathname, searchParams } = new URL(url, 'http://x');
    return findRedirect(redirects, pathname, searchParams)?.to;
  };

  it('matches an old address however a browser writes it', () => {
    for (const url of [
      '/2019/05/hello-world',
      '/2019/05/hello-world/',
      '/2019/05/HELLO-WORLD',
      '/2019/05/hello-world?utm_source=feed',
      '/2019/05/hello%2Dworld',
      '/?p=1',
      '/?utm_source=x&p=1',
      '/?P=1',
    ]) {
      expect(find(url), url).toBe('/world/hello-world');
    }
    expect(find('/%D0%9F%D0%A0%D0%98/')).toBe('/world/privet');
  });

  it('matches nothing else', () => {
    for (const url of [
      '/',
      '/?p=2',
      '/?p=1x',
      '/2019/05',
      '/2019/05/hello-world/more',
      '//2019/05/hello-world',
      '/2019/05/hello-world%2F',
      '/2019%2F05%2Fhello-world',
      '/2019/05/hello-world%00',
    ]) {
      expect(find(url), url).toBeUndefined();
    }
  });
});
