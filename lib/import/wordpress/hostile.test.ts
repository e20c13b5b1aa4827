import v8 from 'node:v8';
import vm from 'node:vm';
import { cdata, itemXml, WXR_FOOTER, wxrExport, wxrHeader } from '@/bench/wxr-export';
import { items, ofKind, readText } from '@/test/support/wordpress-exports';
import { WxrReadError } from './errors';
import { WXR_LIMITS } from './limits';
import { readWxr } from './reader';

const BIDI = '\u202eevil\u202c \u2066isolate\u2069';
const ZERO_WIDTH = 'zero\u200bwidth\u200c\u200d\ufeff';
const EMOJI = '👩🏽‍💻 🇺🇦 🏳️‍🌈';
const exportOf = (...parts: string[]) => wxrHeader() + parts.join('') + WXR_FOOTER;

describe('hostile strings in a generated export', () => {
  it('keeps bidi controls, zero-width characters, emoji and "]]>" verbatim in every field', async () => {
    const hostile = `${BIDI} ${ZERO_WIDTH} ${EMOJI} ]]> <script>alert(1)</script>`;
    const xml = exportOf(
      itemXml({
        id: 7,
        title: hostile,
        slug: `${BIDI}-${EMOJI}`,
        content: `<p>${hostile}</p>`,
        categories: [{ domain: 'category', nicename: 'news', name: hostile }],
        meta: [{ key: hostile, value: hostile }],
        comments: [{ id: 1, parent: 0, author: hostile, content: hostile }],
      }),
    );
    const [post] = items(await readText(xml, 7));
    expect(post?.title).toBe(hostile);
    expect(post?.postName).toBe(`${BIDI}-${EMOJI}`);
    expect(post?.content).toBe(`<p>${hostile}</p>`);
    expect(post?.categories[0]?.name).toBe(hostile);
    expect(post?.meta[0]).toEqual({ key: hostile, value: hostile });
    expect(post?.comments[0]).toMatchObject({ author: hostile, content: hostile });
  });

  it('reads a 5 MB body and a post with 5,000 comments and 2,000 tags', async () => {
    const body = 'Lorem ipsum dolor sit amet. '.repeat(190_000);
    const comments = Array.from({ length: 5_000 }, (_, i) => ({
      id: i + 1,
      parent: i % 2 === 1 ? i : 0,
      author: `Reader ${i}`,
      content: `Comment ${i}`,
    }));
    const categories = Array.from({ length: 2_000 }, (_, i) => ({
      domain: 'post_tag',
      nicename: `tag-${i}`,
      name: `Tag ${i}`,
    }));
    const [post] = items(
      await readText(
        exportOf(
          itemXml({ id: 1, title: 'Big', slug: 'big', content: body, comments, categories }),
        ),
      ),
    );
    expect(post?.content).toHaveLength(body.length);
    expect(post?.comments).toHaveLength(5_000);
    expect(post?.comments[4_999]).toMatchObject({ id: 5_000, parent: 4_999 });
    expect(post?.categories).toHaveLength(2_000);
  });

  it('rejects an item past a bound with its id, title and reason, and reads on', async () => {
    const tooLong = 'x'.repeat(WXR_LIMITS.line + 1);
    const records = await readText(
      exportOf(
        itemXml({ id: 1, title: tooLong, slug: 'long', content: '' }),
        itemXml({ id: 2, title: 'Fine', slug: 'fine', content: '' }),
      ),
    );
    expect(ofKind(records, 'rejected').map((record) => record.rejected)).toEqual([
      {
        what: 'item',
        line: expect.any(Number),
        wpId: '1',
        title: 'x'.repeat(200),
        reason: `title is longer than ${WXR_LIMITS.line} characters`,
      },
    ]);
    expect(items(records).map((item) => item.postId)).toEqual([2]);
  });

  it('rejects a comment with a status WordPress never writes, and keeps the post', async () => {
    const [post] = items(
      await readText(
        exportOf(
          itemXml({
            id: 1,
            title: 'T',
            slug: 't',
            content: '',
            comments: [
              { id: 1, parent: 0, author: 'A', content: 'ok' },
              { id: 2, parent: 0, author: 'B', content: 'odd', approved: 'published' },
            ],
          }),
        ),
      ),
    );
    expect(post?.comments.map((comment) => comment.id)).toEqual([1]);
    expect(post?.rejectedComments).toEqual([
      { id: '2', reason: 'comment approved is not 1, 0, spam, trash or post-trashed' },
    ]);
  });

  it('rejects ids and dates that are not what WordPress writes', async () => {
    const records = await readText(
      exportOf(
        itemXml({ id: 1, title: 'T', slug: 't', content: '' }).replace(
          '<wp:post_id>1</wp:post_id>',
          '<wp:post_id>1; DROP TABLE</wp:post_id>',
        ),
        itemXml({ id: 2, title: 'T', slug: 't', content: '' }).replace(
          cdata('2024-03-01 10:00:00'),
          'yesterday',
        ),
      ),
    );
    expect(ofKind(records, 'rejected').map((record) => record.rejected.reason)).toEqual([
      'postId is not an id',
      'postDate is not a WordPress date',
    ]);
  });

  it('refuses elements nested deeper than any export, with the line', async () => {
    const deep =
      '<wp:postmeta>'.repeat(WXR_LIMITS.depth) + '</wp:postmeta>'.repeat(WXR_LIMITS.depth);
    const error = await readText(exportOf(`<item>${deep}</item>`)).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(WxrReadError);
    expect(error).toMatchObject({ code: 'too-large', line: 18 });
  });
});

describe('streaming', () => {
  // Node has no gc() unless asked; this asks for it in this process only.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heapMiB = () => {
    gc();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };

  it('reads 20,000 items with memory that does not grow with the file', async () => {
    async function* bytes() {
      for (const part of wxrExport({ posts: 10_000, commentsPerPost: 3 })) yield Buffer.from(part);
    }
    let seen = 0;
    let comments = 0;
    let early = 0;
    let late = 0;
    for await (const record of readWxr(bytes())) {
      if (record.kind !== 'item') continue;
      seen += 1;
      comments += record.item.comments.length;
      if (seen === 2_000) early = heapMiB();
      if (seen === 19_000) late = heapMiB();
    }
    expect(seen).toBe(20_000);
    expect(comments).toBe(30_000);
    // The file is about 80 MB: a reader that kept what it had read would grow by far more.
    expect(late - early).toBeLessThan(16);
  }, 120_000);
});
