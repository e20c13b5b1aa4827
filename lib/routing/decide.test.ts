import { readdirSync } from 'node:fs';
import path from 'node:path';
import { decideRoute, pathSegments, RULES } from './decide';
import { routeTable } from './route-table';
import type { RoutesFile } from './routes-file';

const NOW = Date.parse('2026-06-01T00:00:00Z');

const story = (slug: string, over: Partial<RoutesFile['articles'][number]> = {}) => ({
  slug,
  section: 'world',
  date: '2026-01-01T00:00:00Z',
  tags: ['energy'],
  authors: ['omar'],
  ...over,
});

const file: RoutesFile = {
  sections: ['world', 'politics', 'business', 'technology'],
  authors: ['omar', 'lena'],
  articles: [
    story('kim'),
    story('drought'),
    story('gas', { tags: ['energy', 'café'] }),
    story('vote', { section: 'politics', tags: ['elections'], authors: ['lena'] }),
    story('later', { date: '2026-09-01T00:00:00Z' }),
    // A live story with five entries besides the pinned one: three pages at two a page.
    ...[
      story('storm-live', { liveEntries: 5 }),
      story('quiet-live', { liveEntries: 0 }),
      story('later-live', { date: '2026-09-01T00:00:00Z', liveEntries: 5 }),
    ].map((s) => ({ ...s, section: 'technology', tags: ['weather'] })),
  ],
  drafts: [{ slug: 'secret', section: 'politics' }],
  pages: ['support', 'about', 'about/team', 'about/team/editors', 'jobs/reporter'],
  pageDrafts: ['about/plans'],
};

// Two stories a page, as command B builds the site: world has 3 stories, so 2 pages. Two live
// entries a page too.
const table = routeTable(file, NOW, 2, 2);
const decide = (pathname: string) => decideRoute(pathname, table);

describe('decideRoute', () => {
  it.each([
    '/',
    '/search',
    '/tags',
    '/feed.xml',
    '/sitemap.xml',
    '/icon.png',
    '/admin/comments',
    '/api/preview',
    '/api/preview/exit',
    '/world',
    '/business', // a section with no stories yet still has its page
    '/world/page/2',
    '/world/feed.xml',
    '/world/kim',
    '/world/kim/opengraph-image',
    '/world/kim/comment',
    '/politics/vote',
    '/tags/energy',
    '/tags/energy/page/2',
    '/tags/caf%C3%A9', // a topic in another alphabet, as browsers encode it
    '/tags/caf%c3%a9', // hex case is the client's choice
    '/authors/omar',
    '/authors/omar/page/2',
    '/authors/lena', // one story: a first page only
    '/comments/12/reply',
    '/about', // the newsroom's own pages, at their paths
    '/about/team',
    '/about/team/editors',
    '/jobs/reporter', // a page whose parent has none
    '/about/team/opengraph-image', // a page two deep has a card, as an article does
    '/technology/storm-live', // a live story's newest entries, at its own address
    '/technology/storm-live/page/2', // and its older ones
    '/technology/storm-live/page/3',
    '/technology/storm-live/live.json', // what its open pages poll
    '/technology/quiet-live/live.json',
  ])('lets %s through', (pathname) => {
    expect(decide(pathname)).toBe('allow');
  });

  it.each(['/politics/secret', '/world/later', '/about/plans'])(
    'lets %s through only for a previewing editor (a draft, a scheduled story, a draft page)',
    (pathname) => {
      expect(decide(pathname)).toBe('preview');
    },
  );

  it.each([
    ['an unknown section and slug', '/x/y'],
    ['an unknown section', '/nowhere'],
    ['an invented slug in a real section', '/world/no-such-story'],
    ['a real slug under another section', '/politics/kim'],
    ['an invented topic', '/tags/anything'],
    ['an invented author', '/authors/anyone'],
    ['an invented author’s second page', '/authors/anyone/page/2'],
    ['an author page past the last', '/authors/lena/page/2'],
    ['a section page past the last', '/world/page/999'],
    ['a topic page past the last', '/tags/energy/page/3'],
    ['a topic page of an invented topic', '/tags/anything/page/2'],
    ['the feed of an unknown section', '/nowhere/feed.xml'],
    ['the card of an invented article', '/world/no-such-story/opengraph-image'],
    ['the card of an invented section and slug', '/x/y/opengraph-image'],
    ['the card of a draft', '/politics/secret/opengraph-image'],
    ['the card of a scheduled story', '/world/later/opengraph-image'],
    ['the comment page of an invented article', '/world/no-such-story/comment'],
    ['the comment page of a draft', '/politics/secret/comment'],
    ['a card under a topic', '/tags/energy/opengraph-image'],
    ['a path deeper than any route', '/world/kim/comment/extra'],
    ['an unknown page under admin', '/admin/users'],
    ['an unknown route handler under api', '/api/preview/other'],
    ['Next’s own not-found route asked for by name', '/_not-found'],
    ['an invented page under a real one', '/about/nobody'],
    ['an invented page three deep', '/about/team/nobody'],
    ['a page deeper than any there is', '/about/team/editors/extra'],
    ['the comment form of a page', '/about/team/comment'],
    ['the card of a draft page', '/about/plans/opengraph-image'],
    ['the card of a page three deep, which has none', '/about/team/editors/opengraph-image'],
    ['the parent of a page that has none', '/jobs'],
    ['a deep page at the address that renders it', '/nested-page/about/team/editors'],
    ['the renderer of deep pages itself', '/nested-page/x'],
    ['a live story’s page past the last', '/technology/storm-live/page/4'],
    ['a live story’s first page by number', '/technology/storm-live/page/1'],
    ['a second page of a live story whose entries fit on one', '/technology/quiet-live/page/2'],
    ['a live story’s page under another section', '/world/storm-live/page/2'],
    ['a later page of an ordinary article', '/world/kim/page/2'],
    ['a later page of an invented story', '/world/no-such-story/page/2'],
    ['a later page of a live story still scheduled', '/technology/later-live/page/2'],
    ['a later page of a draft', '/politics/secret/page/2'],
    ['a later page of a page of the newsroom’s own', '/about/team/page/2'],
    ['the live endpoint of an ordinary article', '/world/kim/live.json'],
    ['the live endpoint of an invented story', '/world/no-such-story/live.json'],
    ['the live endpoint of a live story still scheduled', '/technology/later-live/live.json'],
    ['the live endpoint of a draft', '/politics/secret/live.json'],
    ['the live endpoint under another section', '/world/storm-live/live.json'],
    ['the live endpoint of a page of the newsroom’s own', '/about/team/live.json'],
    ['the live endpoint spelt otherwise', '/technology/storm-live/live%2Ejson'],
    ['something under the live endpoint', '/technology/storm-live/live.json/x'],
  ])('refuses %s', (_, pathname) => {
    expect(decide(pathname)).toBe('not-found');
  });

  it.each([
    ['encoded slash joining section and slug', '/world%2Fkim'],
    ['encoded slash inside a slug', '/world/kim%2Fcomment'],
    ['encoded slash inside a topic', '/tags/energy%2Fpage%2F2'],
    ['encoded backslash', '/world/kim%5Ccomment'],
    ['dot-dot segment', '/world/../world/kim'],
    ['encoded dot-dot segment', '/world/%2e%2e/kim'],
    ['dot segment', '/world/./kim'],
    ['upper-case section', '/World'],
    ['upper-case slug', '/world/KIM'],
    ['upper-case static route', '/TAGS/energy'],
    ['trailing slash', '/world/kim/'],
    ['trailing slash on a section', '/world/'],
    ['empty segment', '//world'],
    ['very long slug', `/world/${'a'.repeat(5000)}`],
    ['very long topic', `/tags/${'energy'.repeat(300)}`],
    ['NUL after a slug', '/world/kim%00'],
    ['NUL as a topic', '/tags/%00'],
    ['other control character', '/world/kim%0A'],
    ['percent-encoded letter', '/world/ki%6D'],
    ['percent-encoded hyphen', '/tags/energy%2D'],
    ['broken escape', '/world/%E0%A4%A'],
    ['not an escape', '/world/%zz'],
    ['raw unicode (never sent by browsers)', '/tags/café'],
    ['unicode look-alike section', '/w%C3%B6rld'],
    ['Cyrillic "о" in a slug', '/world/ki%D0%BC'],
    ['upper-case page', '/About/team'],
    ['trailing slash on a page', '/about/team/'],
    ['empty segment inside a page path', '/about//team'],
    ['encoded slash joining a page path', '/about/team%2Feditors'],
    ['encoded dot-dot inside a page path', '/about/%2E%2E/about/team'],
    ['no leading slash', 'world/kim'],
    ['empty path', ''],
  ])('refuses a hostile path: %s', (_, pathname) => {
    expect(decide(pathname)).toBe('not-found');
  });

  it.each([
    ['page 1, which lives at the listing’s own address', '1'],
    ['a leading zero', '01'],
    ['page 0', '0'],
    ['a negative page', '-1'],
    ['an exponent', '1e2'],
    ['a decimal', '2.0'],
    ['an encoded digit', '%32'],
    ['a space', '%202'],
    ['a plus sign', '+2'],
    ['a number past any listing', '99999999999999999999'],
    ['a word', 'two'],
  ])('refuses a non-canonical page number: %s', (_, page) => {
    for (const base of ['/world', '/tags/energy', '/authors/omar', '/technology/storm-live']) {
      expect(decide(`${base}/page/${page}`), `${base}/page/${page}`).toBe('not-found');
    }
  });

  it.each(['0', '01', '-1', 'abc', '1e3', '12345678901234567'])(
    'refuses a reply page for comment id %s',
    (id) => {
      expect(decide(`/comments/${id}/reply`)).toBe('not-found');
    },
  );
});

describe('routeTable', () => {
  it('publishes a scheduled story, with its listing pages, once its time has come', () => {
    expect(table.validUntil).toBe(Date.parse('2026-09-01T00:00:00Z'));
    expect(decideRoute('/world/later', table)).toBe('preview');
    const after = routeTable(file, table.validUntil, 2);
    expect(decideRoute('/world/later', after)).toBe('allow');
    // Three stories a page: world's three published stories fill one page, the fourth a second.
    expect(decideRoute('/world/page/2', routeTable(file, NOW, 3))).toBe('not-found');
    expect(decideRoute('/world/page/2', routeTable(file, table.validUntil, 3))).toBe('allow');
    expect(after.validUntil).toBe(Infinity);
  });

  it('counts only published stories towards topics and authors', () => {
    expect(table.tags.get('energy')).toBe(3);
    expect(table.authors.get('lena')).toBe(1);
    expect(table.sections.get('business')).toBe(0);
  });
});

describe('pathSegments', () => {
  it('decodes each segment once', () => {
    expect(pathSegments('/tags/caf%C3%A9')).toEqual(['tags', 'café']);
    expect(pathSegments('/')).toEqual([]);
    expect(pathSegments('/a%2Fb')).toBeUndefined();
  });
});

/**
 * Routes in app/, spelled as RULES spells them: a folder per segment, `page.tsx` or `route.ts`
 * for a page or handler, `opengraph-image.tsx` and icons for metadata routes.
 */
function appRoutes(dir: string, prefix = ''): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith('_')) continue;
      const inside = entry.name.startsWith('(') ? prefix : `${prefix}/${entry.name}`;
      routes.push(...appRoutes(path.join(dir, entry.name), inside));
    } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
      routes.push(prefix || '/');
    } else if (/^(opengraph-image|twitter-image)\.(tsx?|jsx?)$/.test(entry.name)) {
      routes.push(`${prefix}/${entry.name.replace(/\.\w+$/, '')}`);
    } else if (/^(icon|apple-icon|favicon)\.\w+$/.test(entry.name)) {
      routes.push(`${prefix}/${entry.name}`);
    }
  }
  return routes;
}

it('knows every route in app/: a new route must say here what makes its paths real', () => {
  const known = new Set(RULES.map((rule) => rule.route));
  const app = appRoutes(path.resolve(__dirname, '../../app'));
  expect(app.length).toBeGreaterThan(20);
  expect(app.filter((route) => !known.has(route))).toEqual([]);
});
