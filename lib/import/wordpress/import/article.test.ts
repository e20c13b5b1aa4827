import { itemXml, WXR_FOOTER, wxrHeader } from '@/bench/wxr-export';
import { items, readText } from '@/test/support/wordpress-exports';
import { parseFrontmatter } from '@/lib/content/build/frontmatter';
import type { WxrItem } from '../schema';
import { articleFile, DEK_FROM_TEXT, type FileContext } from './article';
import type { Collected } from './collect';
import type { PostPlan } from './plan';

const plan: PostPlan = {
  slug: 'a-story',
  section: 'news',
  url: '/news/a-story',
  disposition: { kind: 'live' },
  renamed: null,
};
const author = { id: 'editor', name: 'Editor', write: true };

async function itemOf(fields: Parameters<typeof itemXml>[0]): Promise<WxrItem> {
  const [item] = items(await readText(wxrHeader() + itemXml(fields) + WXR_FOOTER));
  if (!item) throw new Error('no item');
  return item;
}

function context(over: Partial<Collected> = {}): FileContext {
  return {
    collected: { categories: new Map(), attachments: new Map(), ...over } as Collected,
    picturePath: (url) => (url.endsWith('here.jpg') ? '/images/wordpress/2024/03/here.jpg' : null),
    convert: (item) => ({ mdx: item.content.replace(/<[^>]+>/g, ''), lost: [] }),
    now: new Date('2026-01-01T00:00:00Z'),
  };
}

const fields = (text: string) => parseFrontmatter(text).data;

describe('articleFile', () => {
  it('writes the frontmatter the site reads: dates in UTC, author, section, tags, sticky, guid', async () => {
    const item = await itemOf({
      id: 5,
      title: 'Budget &amp; <em>cuts</em>',
      slug: 'a-story',
      content: '<p>Body.</p>',
      categories: [
        { domain: 'category', nicename: 'news', name: 'News' },
        { domain: 'post_tag', nicename: 'city-hall', name: 'City Hall' },
      ],
    });
    const made = articleFile(item, plan, author, context());
    expect(made.relative).toBe('content/articles/a-story.mdx');
    expect(fields(made.text)).toMatchObject({
      title: 'Budget & cuts',
      date: '2024-03-01T09:00:00Z',
      updated: '2024-03-02T09:00:00Z',
      section: 'news',
      author: 'editor',
      tags: ['city-hall'],
      guid: 'https://news.example/?p=5',
    });
    expect(made.lost).toEqual(['the markup in its title (kept as plain words)']);
  });

  it('makes a standfirst from the first sentences, and a title from the text when there is none', async () => {
    const sentence = 'The council met for nine hours on Tuesday night.';
    const item = await itemOf({
      id: 6,
      title: '',
      slug: '',
      content: `<p>${sentence} ${'More words follow here. '.repeat(20)}</p>`,
    });
    const made = articleFile(item, plan, author, context());
    const data = fields(made.text);
    expect(String(data.dek).length).toBeLessThanOrEqual(DEK_FROM_TEXT);
    expect(data.dek).toMatch(/^The council met for nine hours on Tuesday night\. More/);
    expect(data.title).toBe(sentence);
    expect(made.lost.join()).toMatch(/its title \(it had none\)/);
  });

  it('makes the standfirst from running text, not headings, tables or code, unless there is nothing else', async () => {
    const item = await itemOf({
      id: 7,
      title: 'Markup',
      slug: 'markup',
      content:
        '<h1>Header one</h1><h2>Header two</h2><table><tr><td>Cell</td></tr></table><pre>code</pre><p>Stay hungry. Stay foolish.</p>',
    });
    expect(fields(articleFile(item, plan, author, context()).text).dek).toBe(
      'Stay hungry. Stay foolish.',
    );
    const headings = await itemOf({
      id: 8,
      title: 'H',
      slug: 'h',
      content: '<h2>Only a heading</h2>',
    });
    expect(fields(articleFile(headings, plan, author, context()).text).dek).toBe('Only a heading');
  });

  it('takes the featured picture as the hero, with its caption, and a description when it has none', async () => {
    const item = await itemOf({
      id: 7,
      title: 'Pictured',
      slug: 'pictured',
      content: '<p>x</p>',
      meta: [{ key: '_thumbnail_id', value: '9' }],
    });
    const attachments = new Map([
      [
        9,
        {
          url: 'https://news.example/wp-content/uploads/2024/03/here.jpg',
          alt: '',
          caption: 'The square',
          title: 'Market square',
          link: '',
          parent: 7,
          order: 0,
        },
      ],
    ]);
    const made = articleFile(item, plan, author, context({ attachments }));
    expect(fields(made.text).image).toEqual({
      src: '/images/wordpress/2024/03/here.jpg',
      alt: 'Market square',
      caption: 'The square',
    });
    expect(made.lost.join()).toMatch(/description for blind readers/);
  });

  it('imports the article without a hero when the picture could not be had, and says so', async () => {
    const item = await itemOf({
      id: 8,
      title: 'T',
      slug: 't',
      content: '<p>x</p>',
      meta: [{ key: '_thumbnail_id', value: '10' }],
    });
    const attachments = new Map([
      [
        10,
        {
          url: 'https://news.example/wp-content/uploads/gone.jpg',
          alt: 'a',
          caption: '',
          title: '',
          link: '',
          parent: 0,
          order: 0,
        },
      ],
    ]);
    const made = articleFile(item, plan, author, context({ attachments }));
    expect(fields(made.text).image).toBeUndefined();
    expect(made.lost).toEqual([
      'its featured picture https://news.example/wp-content/uploads/gone.jpg (could not be had)',
    ]);
  });

  it('marks drafts and reports a password', async () => {
    const item = await itemOf({ id: 11, title: 'Secret', slug: 'secret', content: '<p>x</p>' });
    const made = articleFile(
      item,
      { ...plan, disposition: { kind: 'draft', lost: 'it was password-protected' } },
      author,
      context(),
    );
    expect(fields(made.text).draft).toBe(true);
    expect(made.lost).toContain('it was password-protected');
  });
});
