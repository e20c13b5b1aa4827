import { createHash } from 'node:crypto';
import { isSitePath, sitePathFor } from './site-path';
import { uploadsRootsOf } from './uploads-url';

const SITE = 'https://news.example.org';
const A = '/images/wordpress/2019/05/a.jpg';
const hash12 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

describe('sitePathFor: every address of the old site’s uploads', () => {
  it.each([
    'https://news.example.org/wp-content/uploads/2019/05/a.jpg',
    'http://news.example.org/wp-content/uploads/2019/05/a.jpg',
    'https://www.news.example.org/wp-content/uploads/2019/05/a.jpg',
    'HTTPS://NEWS.EXAMPLE.ORG/wp-content/uploads/2019/05/a.jpg',
    '//news.example.org/wp-content/uploads/2019/05/a.jpg',
    '//www.news.example.org/wp-content/uploads/2019/05/a.jpg',
    '/wp-content/uploads/2019/05/a.jpg',
    '  https://news.example.org/wp-content/uploads/2019/05/a.jpg\n',
    'https://news.example.org/wp-content/uploads/2019/05/a.jpg?ver=2#top',
    'https://news.example.org/wp-content/uploads/2019//05/a.jpg',
  ])('%s', (url) => {
    expect(sitePathFor(url, SITE)).toBe(A);
  });

  it('keeps a size variant as its own file, which a plain <img> in the body should load', () => {
    expect(sitePathFor(`${SITE}/wp-content/uploads/2019/05/a-300x200.jpg`, SITE)).toBe(
      '/images/wordpress/2019/05/a-300x200.jpg',
    );
    expect(sitePathFor(`${SITE}/wp-content/uploads/2019/05/a-scaled.jpg`, SITE)).toBe(
      '/images/wordpress/2019/05/a-scaled.jpg',
    );
  });

  it('reads a site in a subdirectory, a multisite’s site folder and a site given with www', () => {
    expect(
      sitePathFor(
        'https://example.org/news/wp-content/uploads/2019/05/a.jpg',
        'https://example.org/news/',
      ),
    ).toBe(A);
    expect(sitePathFor(`${SITE}/wp-content/uploads/sites/2/2019/05/a.png`, SITE)).toBe(
      '/images/wordpress/sites/2/2019/05/a.png',
    );
    expect(
      sitePathFor(`${SITE}/wp-content/uploads/2019/05/a.jpg`, 'http://www.news.example.org/'),
    ).toBe(A);
  });

  it('reads a WordPress.com blog’s files host, as WordPress’s own theme test export has them', () => {
    expect(
      sitePathFor(
        'https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg',
        'https://wpthemetestdata.wordpress.com',
      ),
    ).toBe('/images/wordpress/2008/06/canola2.jpg');
  });

  it('compares ports: the same host on another port is another site', () => {
    const site = 'http://127.0.0.1:8080';
    expect(sitePathFor('http://127.0.0.1:8080/wp-content/uploads/a.png', site)).toBe(
      '/images/wordpress/a.png',
    );
    expect(sitePathFor('http://127.0.0.1:9090/wp-content/uploads/a.png', site)).toBeNull();
  });

  it('takes roots where the site’s media moved (a CDN), read from its attachments', () => {
    const roots = uploadsRootsOf(
      [
        'https://cdn.news-media.example/wp-content/uploads/2019/05/a.jpg',
        'https://bucket.s3.example/media/2020/01/b.png',
        `${SITE}/wp-content/uploads/2019/05/c.jpg`,
        'not a url',
      ],
      SITE,
    );
    expect(roots).toEqual([
      { host: 'cdn.news-media.example', port: '', prefix: '/wp-content/uploads/' },
      { host: 'bucket.s3.example', port: '', prefix: '/media/' },
    ]);
    expect(
      sitePathFor('https://cdn.news-media.example/wp-content/uploads/2019/05/a.jpg', SITE, roots),
    ).toBe(A);
    expect(sitePathFor('https://bucket.s3.example/media/2020/01/b.png', SITE, roots)).toBe(
      '/images/wordpress/2020/01/b.png',
    );
    // Without the roots they are another site's pictures.
    expect(sitePathFor('https://bucket.s3.example/media/2020/01/b.png', SITE)).toBeNull();
  });

  it('reads at most 50 extra roots, however many hosts a hostile export names', () => {
    const urls = Array.from(
      { length: 500 },
      (_, i) => `https://h${i}.example/wp-content/uploads/a.jpg`,
    );
    expect(uploadsRootsOf(urls, SITE)).toHaveLength(50);
  });
});

describe('sitePathFor: null for anything that is not a picture in the site’s media library', () => {
  it.each([
    ['another site’s picture', 'https://elsewhere.example/wp-content/uploads/2019/05/a.jpg'],
    ['a host that ends like the site', 'https://evilnews.example.org/wp-content/uploads/a.jpg'],
    [
      'a host that begins like the site',
      'https://news.example.org.evil.example/wp-content/uploads/a.jpg',
    ],
    [
      'the site as a user name of another host',
      'https://news.example.org@evil.example/wp-content/uploads/a.jpg',
    ],
    ['credentials for the site', 'https://user:pw@news.example.org/wp-content/uploads/a.jpg'],
    ['a theme file', 'https://news.example.org/wp-content/themes/x/a.jpg'],
    ['a climb out of uploads', 'https://news.example.org/wp-content/uploads/../../wp-config.php'],
    ['an encoded climb', 'https://news.example.org/wp-content/uploads/%2e%2e/%2E%2E/a.jpg'],
    ['a backslash climb', 'https://news.example.org/wp-content/uploads/..\\..\\a.jpg'],
    ['a PDF', 'https://news.example.org/wp-content/uploads/2019/05/report.pdf'],
    ['an SVG', 'https://news.example.org/wp-content/uploads/2019/05/logo.svg'],
    [
      'a script named like a picture',
      'https://news.example.org/wp-content/uploads/2019/05/a.jpg.php',
    ],
    ['no extension', 'https://news.example.org/wp-content/uploads/2019/05/a'],
    ['only an extension', 'https://news.example.org/wp-content/uploads/2019/05/.jpg'],
    ['a folder', 'https://news.example.org/wp-content/uploads/2019/05/'],
    ['the uploads folder itself', 'https://news.example.org/wp-content/uploads/'],
    ['javascript:', 'javascript:alert(1)//news.example.org/wp-content/uploads/a.jpg'],
    ['data:', 'data:image/png;base64,iVBORw0KGgo='],
    ['file:', 'file:///wp-content/uploads/a.jpg'],
    ['ftp:', 'ftp://news.example.org/wp-content/uploads/a.jpg'],
    ['a relative path', 'wp-content/uploads/2019/05/a.jpg'],
    ['nothing', ''],
    [
      'a URL longer than any WordPress writes',
      `${SITE}/wp-content/uploads/${'a/'.repeat(3000)}a.jpg`,
    ],
    ['folders deeper than uploads has', `${SITE}/wp-content/uploads/${'a/'.repeat(20)}a.jpg`],
  ])('%s', (_what, url) => {
    expect(sitePathFor(url, SITE)).toBeNull();
  });

  it('reads a root-relative address even when the export has no site address', () => {
    expect(sitePathFor('/wp-content/uploads/2019/05/a.jpg', '')).toBe(A);
    expect(sitePathFor('https://news.example.org/wp-content/uploads/2019/05/a.jpg', '')).toBeNull();
  });
});

describe('sitePathFor: names made safe, and never two pictures on one path', () => {
  const nameOf = (encoded: string) =>
    sitePathFor(`${SITE}/wp-content/uploads/2019/05/${encoded}`, SITE);

  it('decodes percent-encoding, drops accents and replaces what is not a safe character', () => {
    expect(nameOf('caf%C3%A9.jpg')).toBe(
      `/images/wordpress/2019/05/cafe-${hash12('2019/05/café.jpg')}.jpg`,
    );
    expect(nameOf('a%20b.jpg')).toBe(
      `/images/wordpress/2019/05/a-b-${hash12('2019/05/a b.jpg')}.jpg`,
    );
    expect(nameOf('%E6%97%A5%E6%9C%AC.png')).toBe(
      `/images/wordpress/2019/05/picture-${hash12('2019/05/日本.png')}.png`,
    );
  });

  it.each([
    ['a right-to-left override that would show gpj.exe as exe.jpg', 'photo%E2%80%AEgpj.exe.jpg'],
    ['a zero-width space', 'a%E2%80%8Bb.jpg'],
    ['a NUL', 'a%00.jpg'],
    ['a newline and an escape', 'a%0A%1B[31m.jpg'],
    ['an encoded slash climbing out', '..%2F..%2F..%2Fetc%2Fpasswd.jpg'],
    ['an encoded backslash', '..%5C..%5Cwin.ini.jpg'],
    ['a doubly encoded climb', '%252e%252e%252fa.jpg'],
    ['fullwidth dots', '%EF%BC%8E%EF%BC%8E.jpg'],
    ['a hidden file', '.htaccess.jpg'],
    ['an option-like name', '-rf.jpg'],
    ['a name of 300 characters', `${'x'.repeat(300)}.jpg`],
    ['malformed percent-encoding', 'a%E0%A4%A.jpg'],
  ])('%s', (_what, encoded) => {
    const result = nameOf(encoded);
    expect(result).not.toBeNull();
    expect(isSitePath(result ?? '')).toBe(true);
    expect(result).not.toContain('..');
    expect(result).toMatch(/^\/images\/wordpress\/2019\/05\/[A-Za-z0-9_][A-Za-z0-9._-]{0,140}$/);
    expect(nameOf(encoded)).toBe(result);
  });

  it('makes folders safe too', () => {
    const result = sitePathFor(`${SITE}/wp-content/uploads/%252e%252e/%E2%80%AE/a.jpg`, SITE);
    expect(result).toMatch(/^\/images\/wordpress\/2e-2e\/_\/a-[0-9a-f]{12}\.jpg$/);
  });

  it('gives distinct paths to names that differ only in what sanitising removes', () => {
    const crafted = `a-b-${hash12('2019/05/a b.jpg')}.jpg`;
    const names = [
      'a-b.jpg',
      'a%20b.jpg',
      'a%20%20b.jpg',
      'a%09b.jpg',
      'a%E2%80%8Bb.jpg',
      '%C3%A1-b.jpg',
      'a_b.jpg',
      'a--b.jpg',
      'A-b.jpg',
      'a-b.JPG',
      crafted,
      'a-b-0123456789ab.jpg',
    ];
    const paths = names.map(nameOf);
    expect(new Set(paths).size).toBe(names.length);
    expect(paths.every((p) => p !== null && isSitePath(p))).toBe(true);
    // A safe name is never changed, unless it looks like a changed one.
    expect(nameOf('a-b.jpg')).toBe('/images/wordpress/2019/05/a-b.jpg');
    expect(nameOf('a--b.jpg')).toBe('/images/wordpress/2019/05/a--b.jpg');
    expect(nameOf(crafted)).toMatch(
      new RegExp(`/a-b-${hash12('2019/05/a b.jpg')}-[0-9a-f]{12}\\.jpg$`),
    );
  });
});

describe('isSitePath', () => {
  it.each([
    ['/images/wordpress/2019/05/a.jpg', true],
    ['/images/wordpress/a.webp', true],
    ['/images/wordpress/../../../etc/passwd.jpg', false],
    ['/images/wordpress/2019/.hidden.jpg', false],
    ['/images/wordpress/2019/a.svg', false],
    ['/images/wordpress/2019/a b.jpg', false],
    ['/images/wordpress//a.jpg', false],
    ['/images/other/a.jpg', false],
    ['images/wordpress/a.jpg', false],
    ['/images/wordpress/', false],
  ])('%s → %s', (sitePath, expected) => {
    expect(isSitePath(sitePath)).toBe(expected);
  });
});
