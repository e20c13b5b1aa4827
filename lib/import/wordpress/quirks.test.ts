import { readFileSync } from 'node:fs';
import { WxrReadError } from './errors';
import {
  fixture,
  items,
  ofKind,
  readAll,
  readChunks,
  readText,
} from '@/test/support/wordpress-exports';

/** The error a read ends with, or a failure when it ends without one. */
async function refusal(read: Promise<unknown>): Promise<WxrReadError> {
  const error: unknown = await read.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof WxrReadError))
    throw new Error(`expected a WxrReadError, got ${String(error)}`);
  return error;
}

describe("WordPress's own quirks, read as its importer reads them", () => {
  // WordPress before 3.1 wrote `]]>` inside CDATA unescaped: not well-formed XML. The
  // importer's strict parsers fail on it and it falls back to WXR_Parser_Regex, whose reading
  // its test_unescaped_cdata_closing_sequence asserts; these are that test's values.
  it.each(['crazy-cdata.xml', 'crazy-cdata-escaped.xml'])(
    '%s: a "]]>" inside CDATA is text, escaped or not',
    async (name) => {
      const [post] = items(await readAll(name));
      expect(post?.content).toBe('Content with nested <![CDATA[ tags ]]> :)');
      expect(post?.meta).toEqual([
        { key: 'Plain string', value: 'Foo' },
        { key: 'Closing CDATA', value: ']]>' },
        {
          key: 'Alot of CDATA',
          value: 'This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>',
        },
      ]);
    },
  );

  it('joins a field written as several CDATA sections, and keeps a "]] >" that closes nothing', async () => {
    expect(items(await readAll('multiple-cdata.xml'))[0]?.content.trim()).toBe(
      'line oneline twoline three',
    );
    expect(items(await readAll('cdata-edge.xml'))[0]?.content).toBe('ends with sequence ]] >');
  });

  it('keeps backslashes and quotes exactly as written (WordPress unslashes nothing on import)', async () => {
    const records = await readAll('slashes.xml');
    expect(ofKind(records, 'category')[0]?.category.name).toBe('a \\"great\\" category');
    expect(ofKind(records, 'tag')[0]?.tag.name).toBe("foo\\'bar");
    const [post] = items(records);
    expect(post?.content).toBe('Slashes aren\\\'t \\"cool\\"');
    expect(post?.comments[0]?.content).toBe('\\o/ ¯\\_(ツ)_/¯');
    expect(items(await readAll('backslashes.xml'))[0]?.content).toContain('C:\\xampp\\htdocs');
  });

  it('keeps blank lines in bodies', async () => {
    const [post] = items(await readAll('post-content-blank-lines.xml'));
    expect(post?.content.split('\n')).toHaveLength(4);
    expect(items(await readAll('blank-lines.xml'))[0]?.content).toContain('\n\n');
  });

  it('trims the newline WordPress leaves after one-line fields, and nothing else', async () => {
    const records = await readAll('authors-multiline.xml');
    expect(ofKind(records, 'author').map((record) => record.author.login)).toEqual([
      'alice',
      'bob',
      'carol',
    ]);
    expect(ofKind(records, 'author')[0]?.author.id).toBe(1);
  });

  // The assertions of the importer's test_parse_wxr_with_challenging_utf8_sequences.
  it('keeps bidi overrides, zero-width characters, emoji and combining marks verbatim', async () => {
    const records = await readAll('wxr-utf-8-challenges.xml');
    const [post] = items(records);
    expect(post?.title).toBe(
      '"The Road \u202eNot\u202c Taken" by Rob\u202dert \u202eFrost \u202a\ud83c\udf32\u202c',
    );
    expect(post?.postName).toBe('hello-w\u202eorld\u202c-utf8-\ud83d\udcab-test');
    expect(post?.guid).toBe(
      'https://playground.internal/path/\ud83d\ude80/\u202etsop\u202c/?p=1&test=\ud83d\udcab\u200c\u200b\u200d\u200e',
    );
    expect(post?.content).toContain(
      '\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645 \u0648\ufdf2',
    );
    expect(post?.meta).toHaveLength(5);
    expect(post?.meta.find((m) => m.key === '_pingme\u200c\u200b\u200d\u200e')?.value).toBe(
      '1\u200b\u200d\u200c\u200e',
    );
    expect(post?.meta.find((m) => m.key === '_special_chars')?.value).toBe(
      '&#x202E;&#x202D;&#x200B;&#x200C;&#x200D;&#x2060;&#xFEFF;&#xFFFD;',
    );
    expect(post?.categories[0]?.nicename).toBe('uncat\u202eegorized\u202c');
    expect(ofKind(records, 'author')[0]?.author).toMatchObject({
      login: 'admin\u200c\u200b\u200d\u200e',
      email: '\u0103dm\u0129n@\u2113ocalhost.com',
      firstName: '\ud83c\udd70\ufe0f',
      lastName:
        '&#x1F1FA;&#x1F1F8;\ud835\udd4c\ud835\udd5f\ud835\udd5a\ud835\udd54\ud835\udd60\ud835\udd55\ud835\udd56',
    });
  });

  it('knows WordPress elements by namespace URI, whatever their prefix', async () => {
    const records = await readAll('namespace-edge-cases.xml');
    // A `wp` prefix bound to another URI is not WordPress's; `wp2` bound to 1.1's URI is.
    expect(ofKind(records, 'author').map((record) => record.author.login)).toEqual([
      'real_user',
      'version_conflict',
    ]);
    const all = items(records);
    expect(all.map((item) => [item.postId, item.title])).toEqual([
      [1, 'Mixed Namespaces'],
      [2, 'No Prefix'],
      [3, 'Empty Namespace'],
      [4, 'Unicode Namespace'],
      [6, 'Namespace Bomb'],
    ]);
    // The first post_id wins over `alt:post_id` (same URI), as in WordPress's parsers.
    expect(all[0]?.meta).toEqual([{ key: 'normal_key', value: 'normal_value' }]);
    // Entities inside CDATA are text, never expanded.
    expect(all[4]?.content).toBe('&lol1;'.repeat(10));
    expect(ofKind(records, 'rejected').map((record) => record.rejected)).toEqual([
      {
        what: 'item',
        line: 94,
        wpId: null,
        title: 'Hijacked Namespace',
        reason: 'postId is missing',
      },
    ]);
    expect(ofKind(records, 'term').map((record) => record.term.termId)).toEqual([100, 102]);
  });

  it('rejects, one by one and with the reason, items that are not WordPress posts', async () => {
    const records = await readAll('theme-preview.xml');
    expect(items(records)).toEqual([]);
    const rejected = ofKind(records, 'rejected').map((record) => record.rejected);
    expect(rejected).toHaveLength(7);
    expect(rejected[0]).toEqual({
      what: 'item',
      line: 12,
      wpId: null,
      title: 'Worth A Thousand Words',
      reason: 'postId is missing',
    });
  });

  it('reads a comment with no approval status as held for moderation', async () => {
    const [post] = items(await readAll('wxr-with-sub-data.xml'));
    expect(post?.comments[0]).toMatchObject({ id: 201, approved: '0', type: 'comment' });
    expect(post?.comments[0]?.meta).toEqual([
      { key: '_comment_meta_key', value: 'comment_meta_value' },
    ]);
  });

  it('gives an item that leaves fields out the defaults wp_insert_post gives it', async () => {
    const [post] = items(await readAll('missing-tags.xml'));
    expect(post).toMatchObject({
      postId: 1,
      creator: '',
      postDate: null,
      menuOrder: 0,
      isSticky: false,
    });
  });
});

describe('exports refused as a whole', () => {
  it('malformed.xml: names the line and column where the XML breaks', async () => {
    const error = await refusal(readAll('malformed.xml'));
    expect(error).toMatchObject({ code: 'malformed', line: 90, column: 10 });
    expect(error.message).toBe(
      'line 90, column 10: the file is not well-formed XML: unexpected close tag.',
    );
  });

  it('malformed-simple.xml: a file cut off mid-item is refused where it ends', async () => {
    const error = await refusal(readAll('malformed-simple.xml'));
    expect(error).toMatchObject({ code: 'malformed', line: 14 });
    expect(error.message).toContain('unclosed tag: item');
  });

  it.each([
    ['missing-version-tag.xml', 'this is not a WordPress export: it has no <wp:wxr_version>.'],
    [
      'invalid-version-tag.xml',
      'this is not a WordPress export: its <wp:wxr_version> is "abc", not a version like 1.2.',
    ],
  ])('%s: refused as WordPress refuses it', async (name, message) => {
    const error = await refusal(readAll(name));
    expect(error).toMatchObject({ code: 'not-wxr', message });
  });

  it('refuses an RSS feed: it has items but no WXR version', async () => {
    const feed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>A feed</title><link>https://example.com</link>
<item><title>Story</title><link>https://example.com/story</link></item></channel></rss>`;
    const error = await refusal(readText(feed));
    expect(error.message).toBe('this is not a WordPress export: it has no <wp:wxr_version>.');
  });

  it('refuses an HTML page by its root element, before its HTML breaks the XML', async () => {
    const page =
      '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Hi</title></head></html>';
    const error = await refusal(readText(page));
    expect(error).toMatchObject({ code: 'not-wxr', line: 2 });
    expect(error.message).toContain('its root element is <html>, not <rss>');
  });

  it('refuses a file that is not XML at all, and an empty one', async () => {
    expect((await refusal(readText('This is not valid XML content'))).code).toBe('malformed');
    expect((await refusal(readText(''))).code).toBe('malformed');
  });

  it('refuses an entity the file defines (billion laughs) instead of expanding it', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;">]>
<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&lol1;</title></item></channel></rss>`;
    const error = await refusal(readText(bomb));
    expect(error).toMatchObject({ code: 'malformed', line: 3 });
  });

  it('reads a Latin-1 export as Latin-1, and refuses UTF-16 with a clear message', async () => {
    const latin = Buffer.from(
      `<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss xmlns:wp="http://wordpress.org/export/1.0/"><channel><title>Caf\u00e9</title><wp:wxr_version>1.0</wp:wxr_version></channel></rss>`,
      'latin1',
    );
    expect(ofKind(await readChunks([latin]), 'site')[0]?.site.title).toBe('Café');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss/>', 'utf16le')]);
    const error = await refusal(readChunks([utf16]));
    expect(error).toMatchObject({
      code: 'encoding',
      message: 'the file is UTF-16; export it again as UTF-8.',
    });
  });

  it('reads the same records whether the bytes arrive whole or one at a time', async () => {
    const xml = readFileSync(fixture('wxr-utf-8-challenges.xml'), 'utf8');
    expect(await readText(xml, 1)).toEqual(await readText(xml));
  });
});
