import type { ArticleMeta, AuthorMeta, SectionMeta } from '../content/schema/types';
import { affectedPaths, EVERYTHING, type ContentView } from './affected-paths';
import { testArticle } from '@/test/support/article-meta';

const article = (slug: string, over: Partial<ArticleMeta> = {}) =>
  testArticle(slug, { tags: ['Energy'], ...over });
const sections: SectionMeta[] = [
  { id: 'world', name: 'World', description: '', order: 1, url: '/world' },
  { id: 'business', name: 'Business', description: '', order: 2, url: '/business' },
];
const omar: AuthorMeta = { id: 'omar', name: 'Omar', url: '/authors/omar', bioCode: '' };
const view = (articles: ArticleMeta[], authors = [omar]): ContentView => ({
  articles,
  sections,
  authors: new Map(authors.map((a) => [a.id, a])),
});

const SITE_WIDE = [
  '/',
  '/atom.xml',
  '/feed.json',
  '/feed.xml',
  '/news-sitemap.xml',
  '/sitemap.xml',
];

describe('affectedPaths', () => {
  const a = article('a');
  const b = article('b', { related: ['a'] });
  const c = article('c', { section: 'business', tags: ['Markets'] });
  const before = view([a, b, c]);

  it('is nothing when nothing changed', () => {
    expect(affectedPaths(before, view([a, b, c]), 2)).toEqual([]);
  });

  it('a new article: its page, its card everywhere, every page of its listings', () => {
    const paths = affectedPaths(before, view([article('new', { tags: ['Energy'] }), a, b, c]), 2);
    expect(paths).toEqual(
      [
        ...SITE_WIDE,
        '/world/new',
        '/world/new/opengraph-image',
        '/tags',
        // Three world stories became four: pages 1 and 2 of two.
        '/world',
        '/world/page/2',
        '/world/feed.xml',
        '/tags/energy',
        '/tags/energy/page/2',
        '/authors/omar',
        '/authors/omar/page/2',
      ].sort(),
    );
  });

  it('a story made sticky, or given its old site’s GUID: the front page and the feeds too', () => {
    for (const change of [{ sticky: true as const }, { guid: 'http://old.example/?p=1' }]) {
      const paths = affectedPaths(before, view([{ ...a, ...change }, b, c]), 2);
      expect(paths).toEqual(expect.arrayContaining([...SITE_WIDE, '/world/a']));
    }
  });

  it('a new related list is its own article only', () => {
    const paths = affectedPaths(before, view([a, { ...b, related: ['c'] }, c]), 2);
    expect(paths).toEqual(['/world/b', '/world/b/opengraph-image']);
  });

  it('a headline edited shows on the articles that recommend it', () => {
    const paths = affectedPaths(before, view([{ ...a, title: 'Corrected' }, b, c]), 2);
    expect(paths).toContain('/world/a');
    expect(paths).toContain('/world/b');
    expect(paths).toContain('/');
    expect(paths).not.toContain('/business');
  });

  it('a removed article: its page answers afresh (404) and its listings drop it', () => {
    const paths = affectedPaths(before, view([a, b]), 2);
    expect(paths).toEqual(
      expect.arrayContaining(['/business/c', '/business', '/tags/markets', '/', '/sitemap.xml']),
    );
  });

  it('a section moved from one to another refreshes both', () => {
    const moved = article('a', { section: 'business' });
    const paths = affectedPaths(before, view([moved, b, c]), 2);
    expect(paths).toEqual(
      expect.arrayContaining(['/world/a', '/business/a', '/world', '/business']),
    );
  });

  it('an author renamed: their page and every byline', () => {
    const paths = affectedPaths(before, view([a, b, c], [{ ...omar, name: 'Omar E.' }]), 2);
    expect(paths).toEqual(
      expect.arrayContaining(['/authors/omar', '/world/a', '/world/b', '/business/c']),
    );
  });

  it('a section renamed is on every page, in the navigation', () => {
    const renamed = { ...before, sections: [{ ...sections[0]!, name: 'Abroad' }, sections[1]!] };
    expect(affectedPaths(before, renamed, 2)).toEqual([EVERYTHING]);
  });

  it('changed advertising settings are everything; a changed page is its own path', () => {
    const ads = {
      provider: 'house' as const,
      slots: {},
      promotions: [{ title: 'T', text: 'X', href: '/support', action: 'Go' }],
    };
    expect(affectedPaths(before, { ...view([a, b, c]), ads }, 2)).toEqual([EVERYTHING]);
    expect(affectedPaths({ ...before, ads }, { ...view([a, b, c]), ads }, 2)).toEqual([]);
    const support = {
      id: 'support',
      title: 'S',
      description: 'D',
      draft: false,
      url: '/support',
      code: 'a',
    };
    expect(
      affectedPaths(
        { ...before, pages: new Map([['support', support]]) },
        { ...view([a, b, c]), pages: new Map([['support', { ...support, code: 'b' }]]) },
        2,
      ),
    ).toEqual(['/support']);
  });

  it('a page published or taken back (a draft again): its path and the sitemap', () => {
    const team = {
      id: 'about/team',
      title: 'T',
      description: 'D',
      draft: false,
      url: '/about/team',
      code: 'a',
    };
    const withTeam = { ...view([a, b, c]), pages: new Map([['about/team', team]]) };
    expect(affectedPaths(before, withTeam, 2)).toEqual(['/about/team', '/sitemap.xml']);
    expect(affectedPaths(withTeam, before, 2)).toEqual(['/about/team', '/sitemap.xml']);
  });

  it('a page three deep: also the route that renders it, where Next caches it', () => {
    const editors = {
      id: 'about/team/editors',
      title: 'E',
      description: 'D',
      draft: false,
      url: '/about/team/editors',
      code: 'a',
    };
    const withEditors = { ...view([a, b, c]), pages: new Map([['about/team/editors', editors]]) };
    expect(affectedPaths(before, withEditors, 2)).toEqual([
      '/about/team/editors',
      '/nested-page/about/team/editors',
      '/sitemap.xml',
    ]);
  });

  describe('a live story', () => {
    const entry = (minute: number) => ({
      id: `update-20260301t09${String(minute).padStart(2, '0')}z`,
      time: `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`,
    });
    const entries = (n: number) => Array.from({ length: n }, (_, i) => entry(n - i));
    const live = (n: number, ended?: string) =>
      article('live', {
        related: [],
        liveBlog: { ...(ended ? { ended } : {}), entries: entries(n) },
      });
    const recommends = article('reader', { related: ['live'] });

    it('a new entry: its pages, older ones too, the feeds and sitemaps; not cards or lists', () => {
      // Five entries at two a page: pages 1-3; six: pages 1-3 still, each moved one down.
      const paths = affectedPaths(view([live(5), recommends]), view([live(6), recommends]), 2, 2);
      expect(paths).toEqual(
        [
          '/world/live',
          '/world/live/opengraph-image',
          '/world/live/page/2',
          '/world/live/page/3',
          ...SITE_WIDE.filter((p) => p !== '/'),
          '/world/feed.xml',
        ].sort(),
      );
    });

    it('an entry that opens a new page, or a removal that closes one: every page, before or after', () => {
      expect(affectedPaths(view([live(6)]), view([live(7)]), 2, 2)).toContain('/world/live/page/4');
      expect(affectedPaths(view([live(7)]), view([live(6)]), 2, 2)).toContain('/world/live/page/4');
    });

    it('coverage ended: its card loses "Live" on every listing and every list that shows it', () => {
      const ended = live(5, '2026-03-01T10:00:00.000Z');
      const paths = affectedPaths(view([live(5), recommends]), view([ended, recommends]), 2, 2);
      expect(paths).toEqual(
        expect.arrayContaining([...SITE_WIDE, '/world', '/tags/energy', '/world/reader']),
      );
    });
  });
});
