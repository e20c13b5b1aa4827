import { fixtureText, items, ofKind, readAll } from '@/test/support/wordpress-exports';

/**
 * WordPress's own exports, read whole. Counts are checked against the file by a second,
 * independent method (a regular expression over its text), so a record the reader drops
 * or invents fails here.
 */
function grepCounts(xml: string) {
  const count = (pattern: RegExp) => xml.match(pattern)?.length ?? 0;
  return {
    author: count(/<wp:author>\s*<wp:author_/g),
    category: count(/<wp:category>/g),
    tag: count(/<wp:tag>/g),
    term: count(/<wp:term>/g),
    item: count(/<item>/g),
    comment: count(/<wp:comment>/g),
  };
}

const REAL_EXPORTS = [
  'themeunittestdata.wordpress.xml',
  '64-block-test-data.xml',
  'small-export.xml',
  'valid-wxr-1.0.xml',
  'valid-wxr-1.1.xml',
  'wxr-simple.xml',
  'wxr-comprehensive.xml',
  'wxr-flat-attachment-same-site.xml',
  'wxr-utf-8-challenges.xml',
  'wxr-with-sub-data.xml',
  'slashes.xml',
  'large-authors.xml',
  'term-formats.xml',
  'term-meta.xml',
  'test-serialized-comment-meta.xml',
  'test-serialized-postmeta-no-cdata.xml',
  'test-serialized-postmeta-with-cdata.xml',
  'test-serialized-term-meta.xml',
  'post-content-blank-lines.xml',
  'chunked-meta.xml',
];

describe('WordPress exports read completely', () => {
  it.each(REAL_EXPORTS)('%s: every record the file holds, none rejected', async (name) => {
    const records = await readAll(name);
    const expected = grepCounts(fixtureText(name));
    expect(ofKind(records, 'rejected')).toEqual([]);
    expect(records[0]?.kind).toBe('site');
    expect(ofKind(records, 'site')).toHaveLength(1);
    expect({
      author: ofKind(records, 'author').length,
      category: ofKind(records, 'category').length,
      tag: ofKind(records, 'tag').length,
      term: ofKind(records, 'term').length,
      item: ofKind(records, 'item').length,
      comment: items(records).reduce((sum, item) => sum + item.comments.length, 0),
    }).toEqual(expected);
    expect(items(records).flatMap((item) => item.rejectedComments)).toEqual([]);
  });

  it('reads the Theme Unit Test export as hand-counted (186 items, 33 comments)', async () => {
    const records = await readAll('themeunittestdata.wordpress.xml');
    const [site] = ofKind(records, 'site');
    expect(site?.site).toMatchObject({
      title: 'Theme Unit Test Data',
      wxrVersion: '1.2',
      baseBlogUrl: 'https://wpthemetestdata.wordpress.com',
    });
    const all = items(records);
    const ofType = (type: string) => all.filter((item) => item.postType === type);
    expect(ofType('post')).toHaveLength(58);
    expect(ofType('page')).toHaveLength(21);
    expect(ofType('attachment')).toHaveLength(37);
    expect(ofType('nav_menu_item')).toHaveLength(70);
    expect(all.filter((item) => item.isSticky)).toHaveLength(1);
    expect(all.filter((item) => item.postPassword === 'enter')).toHaveLength(1);
    expect(all.filter((item) => item.status === 'future')).toHaveLength(1);
    expect(all.filter((item) => item.status === 'draft')).toHaveLength(1);
    expect(ofType('attachment').every((item) => item.attachmentUrl?.startsWith('https://'))).toBe(
      true,
    );
    const comments = all.flatMap((item) => item.comments);
    expect(comments).toHaveLength(33);
    expect(comments.filter((comment) => comment.parent !== 0)).toHaveLength(10);
    expect(comments.filter((comment) => comment.approved === '0')).toHaveLength(3);
    expect(comments.filter((comment) => comment.type === 'pingback')).toHaveLength(2);
    expect(comments.filter((comment) => comment.type === 'trackback')).toHaveLength(2);
    // Every reply's parent is a comment of the same post: threads come across whole.
    for (const item of all) {
      const ids = new Set(item.comments.map((comment) => comment.id));
      for (const comment of item.comments) {
        if (comment.parent !== 0) expect(ids.has(comment.parent)).toBe(true);
      }
    }
  });

  // The Theme Unit Test (a WordPress.com export) gives each picture its address, alt text and
  // caption but no _wp_attached_file or _wp_attachment_metadata: the importer must be able
  // to work from <wp:attachment_url> alone.
  it('reads a post with its featured picture, and the picture with its address, alt and caption', async () => {
    const all = items(await readAll('themeunittestdata.wordpress.xml'));
    const withThumbnail = all.find((item) => item.meta.some((m) => m.key === '_thumbnail_id'));
    expect(withThumbnail).toMatchObject({ postId: 51, postType: 'post' });
    const thumbnailId = Number(withThumbnail?.meta.find((m) => m.key === '_thumbnail_id')?.value);
    expect(thumbnailId).toBe(761);
    const picture = all.find((item) => item.postId === thumbnailId);
    expect(picture).toMatchObject({
      postType: 'attachment',
      title: 'Wind Farm',
      excerpt: 'Albany wind-farm against the sunset, Western Australia',
      attachmentUrl:
        'https://wpthemetestdata.files.wordpress.com/2008/06/dsc20050102_192118_51.jpg',
      postParent: 555,
    });
    expect(picture?.meta).toContainEqual({ key: '_wp_attachment_image_alt', value: 'Wind Farm' });
    expect(all.filter((item) => item.postType === 'attachment' && !item.attachmentUrl)).toEqual([]);
  });

  it('reads a picture with its file under the uploads folder (_wp_attached_file)', async () => {
    const [picture] = items(await readAll('wxr-flat-attachment-same-site.xml'));
    expect(picture).toMatchObject({
      postId: 611,
      postType: 'attachment',
      attachmentUrl: 'https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg',
    });
    expect(picture?.meta).toEqual([
      { key: '_wp_attachment_image_alt', value: 'canola' },
      { key: '_wp_attached_file', value: '2008/06/canola2.jpg' },
      { key: '_attachment_original_parent_id', value: '555' },
    ]);
  });

  // The same assertions as WordPress's importer's test_wxr_version_1_1 (phpunit/tests/parser.php).
  it('reads WXR 1.1 as WordPress does', async () => {
    const records = await readAll('valid-wxr-1.1.xml');
    expect(ofKind(records, 'site')[0]?.site.baseSiteUrl).toBe('http://localhost/');
    expect(ofKind(records, 'author')[0]?.author).toEqual({
      id: 2,
      login: 'john',
      email: 'johndoe@example.org',
      displayName: 'John Doe',
      firstName: 'John',
      lastName: 'Doe',
    });
    expect(ofKind(records, 'category')[0]?.category).toEqual({
      termId: 3,
      nicename: 'alpha',
      parent: null,
      name: 'alpha',
      description: 'The alpha category',
      meta: [],
    });
    expect(ofKind(records, 'tag')[0]?.tag).toMatchObject({
      termId: 22,
      slug: 'clippable',
      name: 'Clippable',
      description: 'The Clippable post_tag',
    });
    expect(ofKind(records, 'term')[0]?.term).toMatchObject({
      termId: 40,
      taxonomy: 'post_tax',
      slug: 'bieup',
      parent: null,
      name: 'bieup',
      description: 'The bieup post_tax',
    });
    const [first, second] = items(records);
    expect(first?.categories).toEqual([
      { domain: 'category', nicename: 'alpha', name: 'alpha' },
      { domain: 'post_tag', nicename: 'clippable', name: 'Clippable' },
      { domain: 'post_tax', nicename: 'bieup', name: 'bieup' },
    ]);
    expect(second?.meta).toEqual([{ key: '_wp_page_template', value: 'default' }]);
  });

  // test_wxr_version_1_0: RSS's bare <category> is skipped; 1.0's domain "tag" is post_tag.
  it('reads WXR 1.0 as WordPress does', async () => {
    const records = await readAll('valid-wxr-1.0.xml');
    expect(ofKind(records, 'author')).toEqual([]);
    expect(ofKind(records, 'category')[4]?.category).toMatchObject({
      nicename: 'child',
      parent: 'parent',
      termId: null,
    });
    const all = items(records);
    expect(all).toHaveLength(6);
    expect(all[0]?.categories).toEqual([
      { domain: 'category', nicename: 'uncategorized', name: 'Uncategorized' },
    ]);
    expect(all[2]?.categories).toEqual([
      { domain: 'category', nicename: 'alpha', name: 'alpha' },
      { domain: 'post_tag', nicename: 'news', name: 'news' },
      { domain: 'post_tag', nicename: 'roar', name: 'roar' },
    ]);
    expect(all[1]?.meta).toEqual([{ key: '_wp_page_template', value: 'default' }]);
  });

  it('reads WordPress 6 fields: post_modified, the guid, dates, and meta on comments and terms', async () => {
    const [post] = items(await readAll('wxr-simple.xml'));
    expect(post).toMatchObject({
      postId: 10,
      title: '"The Road Not Taken" by Robert Frost',
      postName: 'hello-world',
      status: 'publish',
      postType: 'post',
      guidIsPermaLink: false,
    });
    expect(post).toMatchObject({
      postDate: '2024-06-05 16:04:48',
      postModified: '2024-06-10 12:28:55',
      postModifiedGmt: '2024-06-10 12:28:55',
    });
    const [withMeta] = items(await readAll('test-serialized-comment-meta.xml'));
    expect(withMeta?.comments[0]?.meta).toEqual([
      { key: 'string', value: '¯\\_(ツ)_/¯' },
      { key: 'array', value: 'a:1:{s:3:"key";s:13:"¯\\_(ツ)_/¯";}' },
    ]);
    const terms = await readAll('test-serialized-term-meta.xml');
    expect(ofKind(terms, 'term')[0]?.term.meta).toHaveLength(2);
    expect(ofKind(terms, 'category')[0]?.category.meta[0]).toEqual({
      key: 'string',
      value: '¯\\_(ツ)_/¯',
    });
  });
});
