import { items, readAll } from '@/test/support/wordpress-exports';
import { MAX_SLUG, slugify, uniqueSlug, URL_SAFE } from './slug';

describe('slugify', () => {
  it('reads the percent-encoded Greek slugs of the Theme Unit Test as Latin words', async () => {
    const pages = items(await readAll('themeunittestdata.wordpress.xml')).filter(
      (item) => item.postType === 'page',
    );
    const greek = pages.filter((page) => page.postName.startsWith('%ce'));
    expect(greek.map((page) => slugify(page.postName))).toEqual(['epipedo-2', 'epipedo-3']);
  });

  it('gives a URL-safe slug (or nothing) for every hostile string of WordPress’s UTF-8 challenge export', async () => {
    const posts = items(await readAll('wxr-utf-8-challenges.xml'));
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      for (const value of [post.postName, post.title, ...post.categories.map((c) => c.name)]) {
        const slug = slugify(value);
        expect(slug === '' || URL_SAFE.test(slug), `${JSON.stringify(value)} → ${slug}`).toBe(true);
      }
    }
  });

  it.each([
    ['\u202eevil\u202c-\u2066isolate\u2069', 'evil-isolate'],
    ['zero\u200bwidth\u200c\u200d\ufeff', 'zero-width'],
    ['👩🏽‍💻 launch 🇺🇦', 'launch'],
    ['Café Crème', 'cafe-creme'],
    ['Straße Øresund', 'strasse-oresund'],
    ['Привет мир', 'privet-mir'],
    ['../../etc/passwd', 'etc-passwd'],
    ['/absolute/path', 'absolute-path'],
    ['C:\\Windows\\system32', 'c-windows-system32'],
    ['nul\u0000byte', 'nul-byte'],
    ['%2e%2e%2f%2e%2e%2fsecret', 'secret'],
    ['100%', '100'],
    ['中文标题', ''],
    ['🙂🙂', ''],
  ])('%j → %j', (value, slug) => {
    expect(slugify(value)).toBe(slug);
  });

  it('cuts a very long slug at a word, within the bound', () => {
    const slug = slugify(`${'word '.repeat(10_000)}end`);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(slug).toMatch(URL_SAFE);
    expect(slugify('a'.repeat(500))).toBe('a'.repeat(MAX_SLUG));
  });
});

describe('uniqueSlug', () => {
  it('adds -2, -3… until free, staying within the bound', () => {
    const taken = new Set(['news', 'news-2']);
    expect(uniqueSlug('news', (s) => taken.has(s))).toBe('news-3');
    expect(uniqueSlug('fresh', (s) => taken.has(s))).toBe('fresh');
    const long = 'a'.repeat(MAX_SLUG);
    const next = uniqueSlug(long, (s) => s === long);
    expect(next).toBe(`${'a'.repeat(MAX_SLUG - 2)}-2`);
  });
});
