import Parser from 'rss-parser';
import { atomFeed, jsonFeed, rssFeed, type FeedInput } from './feeds';
import { article, author } from '@/test/support/seo-fixtures';

const input: FeedInput = {
  title: 'Masthead',
  description: 'News',
  siteUrl: 'https://news.example',
  homePath: '/',
  feedPaths: { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' },
  articles: [
    article(),
    article({
      slug: 'older',
      url: '/world/older',
      title: 'Older',
      date: '2025-12-01T00:00:00.000Z',
      updated: undefined,
      image: { src: '/images/x.jpg', alt: 'x' },
    }),
  ],
  authors: new Map([['omar', author]]),
  sectionNames: new Map([['world', 'World']]),
};

describe('feeds', () => {
  const parser = new Parser();

  it('writes RSS 2.0 a feed reader can parse', async () => {
    const feed = await parser.parseString(rssFeed(input));
    expect(feed.title).toBe('Masthead');
    expect(feed.link).toBe('https://news.example/');
    expect(feed.items).toHaveLength(2);
    const [first] = feed.items;
    expect(first?.title).toBe('Kim writes to Putin & friends <again>');
    expect(first?.link).toBe('https://news.example/world/kim-letter');
    expect(first?.contentSnippet ?? first?.content).toContain('blood, life and death');
    expect(first?.categories).toEqual(['World', 'north-korea', 'russia']);
    expect(first?.creator ?? first?.author).toContain('Omar El Sayed');
    expect(new Date(first?.pubDate ?? '').toISOString()).toBe('2026-01-02T07:15:00.000Z');
  });

  it('writes Atom a feed reader can parse', async () => {
    const xml = atomFeed(input);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const feed = await parser.parseString(xml);
    expect(feed.items.map((i) => i.title)).toEqual([
      'Kim writes to Putin & friends <again>',
      'Older',
    ]);
    expect(feed.items[0]?.id).toBe('https://news.example/world/kim-letter');
    expect(xml).toContain('<name>Omar El Sayed</name>');
    expect(xml).toContain('<published>2026-01-02T07:15:00.000Z</published>');
  });

  it('writes JSON Feed 1.1', () => {
    const feed = jsonFeed(input);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe('https://news.example/feed.json');
    expect(feed.items[0]).toMatchObject({
      id: 'https://news.example/world/kim-letter',
      title: 'Kim writes to Putin & friends <again>',
      summary: 'A letter about "blood, life and death".',
      date_published: '2026-01-02T07:15:00.000Z',
      date_modified: '2026-01-03T10:00:00.000Z',
      authors: [{ name: 'Omar El Sayed', url: 'https://news.example/authors/omar' }],
      tags: ['World', 'north-korea', 'russia'],
    });
    expect(feed.items[1]?.image).toBe('https://news.example/images/x.jpg');
  });
});

describe('feeds of a moved archive', () => {
  const parser = new Parser();
  // GUIDs as WordPress wrote them: themeunittestdata.wordpress.xml, and the emoji, bidi and
  // zero-width one of wxr-utf-8-challenges.xml (`&amp;` there is `&` once the XML is read).
  const plain = 'https://wpthemetestdata.wordpress.com/?p=1241';
  const hard =
    'https://playground.internal/path/🚀/\u202Etsop\u202C/?p=1&test=💫\u200C\u200B\u200D\u200E';
  const moved: FeedInput = {
    ...input,
    articles: [
      article({ guid: plain }),
      article({ slug: 'hard', url: '/world/hard', guid: hard }),
      article({ slug: 'numbered', url: '/world/numbered', guid: '12345' }),
      article({ slug: 'ours', url: '/world/ours' }),
    ],
  };

  it('gives RSS readers the old GUID, not as a link, and keeps the link to the story here', async () => {
    const xml = rssFeed(moved);
    expect(xml).toContain(`<guid isPermaLink="false">${plain}</guid>`);
    const feed = await parser.parseString(xml);
    expect(feed.items.map((i) => i.guid)).toEqual([
      plain,
      hard,
      '12345',
      'https://news.example/world/ours',
    ]);
    expect(feed.items[0]?.link).toBe('https://news.example/world/kim-letter');
  });

  it('gives Atom readers the old GUID as the entry id when it is an IRI, the address otherwise', async () => {
    const feed = await parser.parseString(atomFeed(moved));
    expect(feed.items.map((i) => i.id)).toEqual([
      plain,
      // The `feed` library writes ids as URLs: what is not ASCII is percent-encoded.
      new URL(hard).toString(),
      // A bare number is no IRI: Atom would refuse it as an id.
      'https://news.example/world/numbered',
      'https://news.example/world/ours',
    ]);
  });

  it('keeps the GUID in JSON Feed too, so one story has one id in every format', () => {
    expect(jsonFeed(moved).items.map((i) => i.id)).toEqual([
      plain,
      hard,
      '12345',
      'https://news.example/world/ours',
    ]);
  });

  it('writes an id with markup in it as text', async () => {
    const hostile = 'http://old.example/?p=1&x=</guid><script>alert(1)</script>';
    const xml = rssFeed({ ...input, articles: [article({ guid: hostile })] });
    expect(xml).not.toContain('<script>');
    expect((await parser.parseString(xml)).items[0]?.guid).toBe(hostile);
  });
});

describe('feeds of a live story', () => {
  const parser = new Parser();
  // Published at 07:15, `updated` at 10:00 the next day, then entries; the newest entry is
  // 09:45 UTC on 4 January, written at -01:00 (the alphabet would pick the +02:00 one).
  const story = article({
    liveBlog: {
      entries: [
        { id: 'update-20260104t0845z', time: '2026-01-04T10:45:00+02:00' },
        { id: 'update-20260104t0945z', time: '2026-01-04T08:45:00-01:00' },
        { id: 'update-20260103t0900z', time: '2026-01-03T09:00:00.000Z', pinned: true },
      ],
    },
  });
  const live: FeedInput = { ...input, articles: [story, ...input.articles.slice(1)] };

  it('gives its Atom entry and JSON Feed item the newest entry as their updated time', () => {
    const atom = atomFeed(live);
    const entry = atom.slice(atom.indexOf('<entry>'), atom.indexOf('</entry>'));
    expect(entry).toContain('<updated>2026-01-04T09:45:00.000Z</updated>');
    expect(entry).toContain('<published>2026-01-02T07:15:00.000Z</published>');
    expect(jsonFeed(live).items[0]).toMatchObject({
      date_published: '2026-01-02T07:15:00.000Z',
      date_modified: '2026-01-04T08:45:00-01:00',
    });
  });

  it('keeps its RSS item at its publication (RSS has no updated time) and moves the channel', async () => {
    const feed = await parser.parseString(rssFeed(live));
    expect(new Date(feed.items[0]?.pubDate ?? '').toISOString()).toBe('2026-01-02T07:15:00.000Z');
    expect(new Date(feed.lastBuildDate as string).toISOString()).toBe('2026-01-04T09:45:00.000Z');
    const atom = atomFeed(live);
    expect(atom.slice(0, atom.indexOf('<entry>'))).toContain(
      '<updated>2026-01-04T09:45:00.000Z</updated>',
    );
  });
});
