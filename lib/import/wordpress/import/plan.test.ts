import { cdata, itemXml, WXR_FOOTER, wxrHeader } from '@/bench/wxr-export';
import { fixture } from '@/test/support/wordpress-exports';
import { readWxr, readWxrFile } from '../reader';
import { collect, type Collected } from './collect';
import type { PreviousIds } from './manifest';
import { makePlan, type Existing } from './plan';
import { URL_SAFE } from './slug';

const none: PreviousIds = { posts: {}, pages: {}, sections: {}, authors: {} };
const empty = (over: Partial<Existing> = {}): Existing => ({
  articles: new Set(),
  sections: new Set(),
  authors: new Set(),
  pages: new Set(),
  isOurs: () => false,
  ...over,
});

async function collectText(xml: string): Promise<Collected> {
  async function* chunks() {
    yield Buffer.from(xml);
  }
  return collect(readWxr(chunks()));
}

let theme: Collected;
beforeAll(async () => {
  theme = await collect(readWxrFile(fixture('themeunittestdata.wordpress.xml')));
});

describe('makePlan on the Theme Unit Test export', () => {
  it('imports every post and page but the menus, trash and attachments', () => {
    const plan = makePlan(theme, none, empty());
    expect(plan.posts.size).toBe(58);
    expect(plan.pages.size).toBe(21);
    expect([...plan.posts.values()].every((post) => URL_SAFE.test(post.slug))).toBe(true);
    expect(plan.posts.get(1153)?.disposition.kind).toBe('scheduled');
    expect(plan.posts.get(1164)).toMatchObject({ slug: 'draft', disposition: { kind: 'draft' } });
    expect(plan.posts.get(1168)?.disposition).toMatchObject({ kind: 'draft', lost: /password/ });
  });

  it('files a post under its first category’s top-level category', () => {
    const plan = makePlan(theme, none, empty());
    // "Edge Case: Many Categories" is filed first under Classic, then 64 others.
    expect(plan.posts.get(1152)).toMatchObject({
      section: 'classic',
      url: '/classic/edge-case-many-categories',
    });
    expect([...plan.sections.values()].every((section) => URL_SAFE.test(section.id))).toBe(true);
  });

  it('nests pages as WordPress did, Greek slugs in Latin letters', () => {
    const plan = makePlan(theme, none, empty());
    expect(plan.pages.get(172)?.path).toBe('level-1/level-2/level-3');
    expect(plan.pages.get(155)?.path).toBe('about/page-with-comments');
    expect(plan.pages.get(1813)?.path).toBe('greek/epipedo-2/epipedo-3');
  });

  it('files the posts of ">themereviewteam" under themereviewteam, as WordPress’s importer does', () => {
    const plan = makePlan(theme, none, empty());
    expect([...plan.authors.values()].map((author) => author.id).sort()).toEqual([
      'themedemos',
      'themereviewteam',
    ]);
    expect(plan.authors.get('themereviewteam')?.name).toBe('Theme Reviewer');
  });

  it('gives a post whose slug an article of the newsroom has a suffix, and says so', () => {
    const plan = makePlan(theme, none, empty({ articles: new Set(['template-sticky']) }));
    expect(plan.posts.get(1241)).toMatchObject({
      slug: 'template-sticky-2',
      renamed: expect.stringMatching(/taken by an article the newsroom has/),
    });
  });

  it('keeps the slugs, paths and ids the last import gave', () => {
    const previous: PreviousIds = {
      posts: { '1241': 'sticky-story' },
      pages: { '2': 'about-us' },
      sections: { classic: 'classic-desk' },
      authors: { themedemos: 'theme-buster' },
    };
    const plan = makePlan(theme, previous, empty({ articles: new Set(['sticky-story']) }));
    expect(plan.posts.get(1241)).toMatchObject({ slug: 'sticky-story', renamed: null });
    expect(plan.posts.get(1241)?.section).toBe('classic-desk');
    expect(plan.pages.get(155)?.path).toBe('about-us/page-with-comments');
    expect(plan.authors.get('themedemos')?.id).toBe('theme-buster');
  });

  it('joins a section the newsroom already has instead of writing over it', () => {
    const plan = makePlan(theme, none, empty({ sections: new Set(['classic']) }));
    expect(plan.sections.get('classic')).toMatchObject({ id: 'classic', write: false });
    const ours = makePlan(
      theme,
      none,
      empty({ sections: new Set(['classic']), isOurs: () => true }),
    );
    expect(ours.sections.get('classic')?.write).toBe(true);
  });
});

describe('makePlan on hostile exports', () => {
  const post = (id: number, slug: string, extra: object = {}) =>
    itemXml({ id, title: `Post ${id}`, slug, content: '<p>Text.</p>', ...extra });

  it('never lets a slug, category or page path leave its folder or hide a site address', async () => {
    const xml =
      wxrHeader() +
      `<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>${cdata('../../tags')}</wp:category_nicename><wp:cat_name>${cdata('Tags')}</wp:cat_name></wp:category>` +
      post(1, '../../../etc/passwd', {
        categories: [{ domain: 'category', nicename: '../../tags', name: 'Tags' }],
      }) +
      post(2, '/absolute/path') +
      post(3, `nul\u0000byte`.replace('\u0000', '%00')) +
      post(4, 'x'.repeat(1_500)) +
      post(5, 'search', { type: 'page' }) +
      post(6, 'tags', { type: 'page' }) +
      post(7, '\u202e\u200b🙂') +
      WXR_FOOTER;
    const plan = makePlan(await collectText(xml), none, empty());
    const slugs = [...plan.posts.values()].map((p) => p.slug);
    expect(slugs).toEqual(['etc-passwd', 'absolute-path', 'nul-byte', 'x'.repeat(80), 'post-7']);
    expect([...plan.sections.values()].map((s) => s.id)).toEqual(['tags-2', 'uncategorized']);
    expect([...plan.pages.values()].map((p) => p.path)).toEqual(['search-2', 'tags-3']);
  });

  it('files a post in a child category under its parent’s section', async () => {
    const category = (nicename: string, parent: string) =>
      `<wp:category><wp:category_nicename>${nicename}</wp:category_nicename><wp:category_parent>${parent}</wp:category_parent><wp:cat_name>${cdata(nicename.toUpperCase())}</wp:cat_name></wp:category>`;
    const xml =
      wxrHeader() +
      category('world', '') +
      category('europe', 'world') +
      category('paris', 'europe') +
      post(20, 'in-paris', {
        categories: [{ domain: 'category', nicename: 'paris', name: 'PARIS' }],
      }) +
      WXR_FOOTER;
    const plan = makePlan(await collectText(xml), none, empty());
    expect(plan.posts.get(20)?.url).toBe('/world/in-paris');
    expect([...plan.sections.keys()]).toEqual(['world']);
  });

  it('places a page whose parent is missing or in a loop at the top, reported', async () => {
    const xml =
      wxrHeader() +
      post(10, 'orphan', { type: 'page', parent: 99 }) +
      post(11, 'a', { type: 'page', parent: 12 }) +
      post(12, 'b', { type: 'page', parent: 11 }) +
      WXR_FOOTER;
    const plan = makePlan(await collectText(xml), none, empty());
    expect(plan.pages.get(10)).toMatchObject({
      path: 'orphan',
      moved: expect.stringMatching(/not imported/),
    });
    const paths = [plan.pages.get(11)?.path, plan.pages.get(12)?.path];
    expect(paths).toContain('b');
    expect(paths).toContain('b/a');
  });
});
