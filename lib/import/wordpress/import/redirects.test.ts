import { fixture } from '@/test/support/wordpress-exports';
import { readWxrFile } from '../reader';
import { collect, type Collected } from './collect';
import { oldPath, oldSite } from './old-paths';
import { makePlan, type Existing, type Plan } from './plan';
import { buildRedirects, redirectKey, Redirects } from './redirects';

const site = oldSite('https://wpthemetestdata.wordpress.com');
const existing: Existing = {
  articles: new Set(['budget']),
  sections: new Set(['world']),
  authors: new Set(),
  pages: new Set(['support']),
  isOurs: () => false,
};

let collected: Collected;
let plan: Plan;
let redirects: Redirects;
beforeAll(async () => {
  collected = await collect(readWxrFile(fixture('themeunittestdata.wordpress.xml')));
  plan = makePlan(collected, { posts: {}, pages: {}, sections: {}, authors: {} }, existing);
  const pictures = new Map([
    [
      'https://wpthemetestdata.wordpress.com/wp-content/uploads/2008/06/canola2.jpg',
      '/images/wordpress/2008/06/canola2.jpg',
    ],
  ]);
  redirects = buildRedirects({ site, taken: () => false, collected, plan, pictures });
});

describe('oldPath', () => {
  it('takes the path of the old site’s own addresses, in one spelling', () => {
    expect(oldPath('https://wpthemetestdata.wordpress.com/2012/01/07/template-sticky/', site)).toBe(
      '/2012/01/07/template-sticky/',
    );
    expect(oldPath('http://www.wpthemetestdata.wordpress.com/?p=1241', site)).toBe('/?p=1241');
    expect(oldPath('https://wpthemetestdata.wordpress.com//greek/%ce%b5-2/', site)).toBe(
      '/greek/%CE%B5-2/',
    );
  });

  it.each([
    'https://elsewhere.example/2012/01/07/post/',
    'javascript:alert(1)',
    'https://wpthemetestdata.wordpress.com/a/../../admin',
    'https://wpthemetestdata.wordpress.com/a/%2e%2e/admin',
    'https://wpthemetestdata.wordpress.com/?p=1&q=2',
    'https://wpthemetestdata.wordpress.com/?redirect=https://evil.example',
    'https://wpthemetestdata.wordpress.com/a%00b/',
    'https://wpthemetestdata.wordpress.com/a%0d%0aSet-Cookie:x/',
    `https://wpthemetestdata.wordpress.com/${'a'.repeat(3_000)}`,
  ])('has no redirect for %s', (address) => {
    expect(oldPath(address, site)).toBeNull();
  });
});

describe('buildRedirects on the Theme Unit Test export', () => {
  const to = (from: string) => redirects.resolve(from);

  it('sends each post’s permalink and ?p= to its article', () => {
    expect(to('/2012/01/07/template-sticky/')).toBe('/classic/template-sticky');
    expect(to('/2012/01/07/template-sticky')).toBe('/classic/template-sticky');
    expect(to('/?p=1241')).toBe('/classic/template-sticky');
    // Permalinks of any structure: this export has /%year%/%monthnum%/%day%/ and /%postname%/.
    expect(to('/wp-6-1-font-size-scale/')).toBe('/6-1/wp-6-1-font-size-scale');
  });

  it('sends each page’s path and ?page_id= to the page, nested', () => {
    // /level-1/level-2/level-3/ is the page's own address still: no redirect to itself.
    expect(to('/level-1/level-2/level-3/')).toBeUndefined();
    expect(to('/?page_id=172')).toBe('/level-1/level-2/level-3');
    expect(to('/greek/%CE%B5%CF%80%CE%AF%CF%80%CE%B5%CE%B4%CE%BF-2/')).toBe('/greek/epipedo-2');
  });

  it('gives drafts and password-protected posts no redirect', () => {
    expect(to('/?p=1164')).toBeUndefined();
    expect(to('/2012/01/04/template-password-protected/')).toBeUndefined();
  });

  it('sends categories, child categories, tags, authors and feeds where their pages are now', () => {
    expect(to('/category/classic/')).toBe('/classic');
    expect(to('/category/classic/feed/')).toBe('/classic/feed.xml');
    expect(to('/tag/test-tag/')).toBe('/tags/test-tag');
    expect(to('/tag/post-formats/')).toBe('/tags/post-formats');
    expect(to('/author/themedemos/')).toBe('/authors/themedemos');
    expect(to('/feed/')).toBe('/feed.xml');
    expect(to('/?feed=atom')).toBe('/atom.xml');
  });

  it('sends an attachment page to the article it belongs to, and an imported picture to its copy', () => {
    const gallery = collected.attachments.get(611);
    expect(gallery).toBeDefined();
    const page = oldPath(gallery?.link ?? '', site) ?? '';
    expect(to(page)).toBe(
      plan.posts.get(gallery?.parent ?? 0)?.url ?? '/images/wordpress/2008/06/canola2.jpg',
    );
    expect(to('/wp-content/uploads/2008/06/canola2.jpg')).toBe(
      '/images/wordpress/2008/06/canola2.jpg',
    );
  });

  it('leads only to this site, and is sorted', () => {
    const entries = redirects.entries();
    expect(entries.length).toBeGreaterThan(300);
    for (const { from, to: target } of entries) {
      expect(from).toMatch(/^\/(?![/\\])/);
      expect(target).toMatch(/^\/(?![/\\])/);
    }
    expect(entries.map((e) => e.from)).toEqual([...entries.map((e) => e.from)].sort());
  });

  it('never hides an address the site answers itself', () => {
    const guarded = buildRedirects({
      site,
      taken: (key) => key === redirectKey('/2012/01/07/Template-Sticky'),
      collected,
      plan,
      pictures: new Map(),
    });
    expect(guarded.resolve('/2012/01/07/template-sticky/')).toBeUndefined();
    expect(guarded.resolve('/?p=1241')).toBe('/classic/template-sticky');
  });
});

describe('Redirects', () => {
  it('matches old addresses as the proxy does: any case, any encoding, either slash', () => {
    const redirects = new Redirects();
    redirects.add('/2019/05/Caf%C3%A9/', '/world/cafe');
    redirects.add('/2019/05/café', '/world/other');
    expect(redirects.entries()).toEqual([{ from: '/2019/05/Caf%C3%A9/', to: '/world/cafe' }]);
    expect(redirects.resolve('/2019/05/CAF%c3%a9')).toBe('/world/cafe');
  });

  it('follows a chain to its end and leaves out a circle', () => {
    const redirects = new Redirects();
    redirects.add('/a/', '/b');
    redirects.add('/b/', '/c');
    redirects.add('/x/', '/y');
    redirects.add('/y/', '/x');
    expect(redirects.entries()).toEqual([
      { from: '/a/', to: '/c' },
      { from: '/b/', to: '/c' },
    ]);
  });

  it('refuses what could be no redirect: off the site, or not an address', () => {
    const redirects = new Redirects();
    redirects.add('/a/', '//evil.example/');
    redirects.add('/b/', 'https://evil.example/');
    redirects.add('/c/../d', '/d');
    redirects.add('/same/', '/same');
    expect(redirects.entries()).toEqual([]);
  });
});
