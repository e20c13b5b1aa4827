import type { LiveEntry } from '@/lib/content/schema/types';
import { article, author, section } from '@/test/support/seo-fixtures';
import { serializeJsonLd } from './json-ld';
import { LIVE_BLOG_UPDATES, liveBlogJsonLd } from './live-blog';

const site = { name: 'Masthead', url: 'https://news.example', logo: '/logo.png' };

/** Entry n at 09:00 + n minutes on 2 January 2026, the fixture article's day; newer as n grows. */
const entry = (n: number, over: Partial<LiveEntry> = {}): LiveEntry => {
  const minute = String(n).padStart(2, '0');
  return {
    id: `update-20260102t09${minute}z`,
    time: `2026-01-02T09:${minute}:00.000Z`,
    text: `Words of entry ${n}.`,
    ...over,
  };
};

const live = (entries: LiveEntry[], ended?: string) =>
  article({ updated: undefined, liveBlog: { entries, ...(ended ? { ended } : {}) } });

const jsonLd = (story: ReturnType<typeof live>, pageSize = 20) =>
  liveBlogJsonLd({ ...story, liveBlog: story.liveBlog! }, section, [author], site, pageSize);

type Update = { headline: string; datePublished: string; url: string; articleBody?: string };

/** The entries as a search engine reads them: from the JSON the page carries. */
const updatesOf = (data: object) =>
  (JSON.parse(serializeJsonLd(data)) as { liveBlogUpdate: Update[] }).liveBlogUpdate;

/**
 * schema.org's properties of LiveBlogPosting and of BlogPosting that we use, as schema.org lists
 * them for each type or a type it extends (Article, CreativeWork, Thing). No validator on npm
 * works offline (the one there is fetches schema.org's vocabulary at run time), so the shape is
 * held here: a misspelt property would be silently ignored by every search engine.
 */
const LIVE_BLOG_POSTING = new Set([
  '@context',
  '@type',
  'headline',
  'description',
  'datePublished',
  'dateModified',
  'author',
  'publisher',
  'image',
  'mainEntityOfPage',
  'url',
  'articleSection',
  'keywords',
  'coverageStartTime',
  'coverageEndTime',
  'liveBlogUpdate',
]);
const BLOG_POSTING = new Set(['@type', 'headline', 'datePublished', 'url', 'articleBody']);

describe('liveBlogJsonLd', () => {
  it('describes a running live story as a LiveBlogPosting, its newest entries as BlogPostings', () => {
    const entries = [
      entry(5, { title: 'Joint statement expected' }),
      entry(1, { text: undefined }),
    ];
    const data = jsonLd(live(entries));
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: 'Kim writes to Putin & friends <again>',
      datePublished: '2026-01-02T07:15:00.000Z',
      // The newest entry is the latest change.
      dateModified: '2026-01-02T09:05:00.000Z',
      url: 'https://news.example/world/kim-letter',
      coverageStartTime: '2026-01-02T07:15:00.000Z',
      liveBlogUpdate: [
        {
          '@type': 'BlogPosting',
          headline: 'Joint statement expected',
          datePublished: '2026-01-02T09:05:00.000Z',
          url: 'https://news.example/world/kim-letter#update-20260102t0905z',
          articleBody: 'Words of entry 5.',
        },
        {
          '@type': 'BlogPosting',
          headline: 'Update, 2 January 2026, 09:01 UTC',
          datePublished: '2026-01-02T09:01:00.000Z',
          url: 'https://news.example/world/kim-letter#update-20260102t0901z',
        },
      ],
    });
    expect(data).not.toHaveProperty('coverageEndTime');
    expect(Object.keys(data).filter((key) => !LIVE_BLOG_POSTING.has(key))).toEqual([]);
    for (const update of updatesOf(data)) {
      expect(Object.keys(update).filter((key) => !BLOG_POSTING.has(key))).toEqual([]);
    }
  });

  it('ends coverage with liveEnded, and starts it at an entry written before publication', () => {
    const data = jsonLd(live([entry(9), entry(0)], '2026-01-02T18:00:00.000Z'));
    expect(data).toMatchObject({ coverageEndTime: '2026-01-02T18:00:00.000Z' });
    // Entries after publication: coverage started with the story.
    expect(data.coverageStartTime).toBe('2026-01-02T07:15:00.000Z');
    const early = { ...entry(0), id: 'update-20260102t0600z', time: '2026-01-02T06:00:00.000Z' };
    expect(jsonLd(live([entry(3), early])).coverageStartTime).toBe('2026-01-02T06:00:00.000Z');
  });

  it(`lists the newest ${LIVE_BLOG_UPDATES}, pinned among them by time, each on the page it is on`, () => {
    const entries = Array.from({ length: 14 }, (_, n) => entry(n, n === 2 ? { pinned: true } : {}));
    const updates = updatesOf(jsonLd(live(entries), 4));
    expect(updates).toHaveLength(LIVE_BLOG_UPDATES);
    expect(updates.map((u) => u.datePublished)).toEqual(
      [13, 12, 11, 10, 9, 8, 7, 6, 5, 4].map((n) => entry(n).time),
    );
    // Four a page: 13-10 on the first, 9-6 on the second, 5 and 4 on the third.
    expect(updates.map((u) => u.url.replace('https://news.example/world/kim-letter', ''))).toEqual([
      '#update-20260102t0913z',
      '#update-20260102t0912z',
      '#update-20260102t0911z',
      '#update-20260102t0910z',
      '/page/2#update-20260102t0909z',
      '/page/2#update-20260102t0908z',
      '/page/2#update-20260102t0907z',
      '/page/2#update-20260102t0906z',
      '/page/3#update-20260102t0905z',
      '/page/3#update-20260102t0904z',
    ]);
  });

  it('clips a headline to the 110 characters search engines show, from the title or the words', () => {
    const long = 'A very long title about the harbour talks that goes on and on. '.repeat(3);
    const [titled, untitled] = updatesOf(
      jsonLd(live([entry(2, { title: long }), entry(1, { text: long })])),
    );
    for (const { headline } of [titled!, untitled!]) {
      expect(headline.length).toBeLessThanOrEqual(110);
      expect(headline.endsWith('…')).toBe(true);
    }
  });

  it('cannot be broken out of its script element by an entry’s words', () => {
    const hostile = entry(1, { title: '</script><script>alert(1)</script>', text: '<!-- x' });
    const text = serializeJsonLd(jsonLd(live([hostile])));
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('<!--');
    expect(JSON.parse(text)).toMatchObject({
      liveBlogUpdate: [{ headline: '</script><script>alert(1)</script>', articleBody: '<!-- x' }],
    });
  });
});
