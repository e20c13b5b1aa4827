import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { categoryXml, cdata, itemXml, WXR_FOOTER, wxrHeader } from '@/bench/wxr-export';
import { fixture } from '@/test/support/wordpress-exports';
import { scratchSite, treeHashes, type ScratchSite } from '@/test/support/wordpress-site';
import { contentCheck } from '@/test/support/content-check';
import { reportMarkdown } from './report';
import { importWordPress, type ImportOptions } from './run';
import { isWritablePath } from './safe-path';
import { readRedirects } from './site-files';

/**
 * What an import must never do, each shown by making it happen: write half an import when a
 * step fails, write anything for a broken export or a dry run, or write outside content/,
 * public/ and the comment store for a hostile one.
 */
const SMALL = fixture('small-export.xml');

let site: ScratchSite;
let work: string;
const run = (over: Partial<ImportOptions> = {}) =>
  importWordPress({
    exportFile: SMALL,
    root: site.root,
    db: site.db,
    pictures: { uploadsDir: path.join(work, 'uploads') },
    ...over,
  });
const dump = () => site.db.selectFrom('comments').selectAll().orderBy('id').execute();

beforeEach(async () => {
  site = await scratchSite();
  work = mkdtempSync(path.join(tmpdir(), 'masthead-wp-work-'));
  mkdirSync(path.join(work, 'uploads'));
});
afterEach(async () => {
  await site.db.destroy();
  rmSync(site.box, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('an import that cannot finish', { timeout: 60_000 }, () => {
  it('leaves content/, public/ and the comment store as they were when the comments fail', async () => {
    const before = treeHashes(site.root);
    // The store refuses every new comment, as a full disk or a lost database would.
    await sql`create trigger refuse before insert on comments begin select raise(abort, 'the disk is full'); end`.execute(
      site.db,
    );
    const report = await run();
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/the disk is full/);
    expect(treeHashes(site.root)).toEqual(before);
    expect(await dump()).toEqual([]);
  });

  it('leaves everything as it was when a file cannot be moved into place', async () => {
    // A file where the import needs a folder: the move of the redirects fails part-way.
    writeFileSync(path.join(site.root, 'content', 'redirects'), 'in the way');
    const before = treeHashes(site.root);
    const report = await run();
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/content\/redirects is not a folder/);
    expect(treeHashes(site.root)).toEqual(before);
    expect(await dump()).toEqual([]);
  });

  it('refuses an export that is not well-formed, with line and column, writing nothing', async () => {
    const before = treeHashes(site.root);
    const report = await run({ exportFile: fixture('malformed.xml') });
    expect(report.outcome).toBe('refused');
    expect(report.error).toMatch(/line \d+, column \d+/);
    expect(treeHashes(site.root)).toEqual(before);
    expect(reportMarkdown(report)).toContain('nothing was written');
  });

  it('refuses to import over an import record it cannot read, writing nothing', async () => {
    mkdirSync(path.join(site.root, 'content', '.import'));
    writeFileSync(
      path.join(site.root, 'content', '.import', 'wordpress.json'),
      '{"format": 1, "files": {"x": 1}}',
    );
    const before = treeHashes(site.root);
    const report = await run();
    expect(report.outcome).toBe('refused');
    expect(report.error).toMatch(/content\/\.import\/wordpress\.json is not an import record/);
    expect(treeHashes(site.root)).toEqual(before);
  });

  it('writes nothing in a dry run, and reports what it would do', async () => {
    const before = treeHashes(site.root);
    const report = await run({ dryRun: true, db: null });
    expect(report.outcome).toBe('dry-run');
    expect(report.counts.get('articles written')).toBe(6);
    expect(report.counts.get('comments in the export: approved')).toBe(1);
    expect(treeHashes(site.root)).toEqual(before);
    expect(await dump()).toEqual([]);
  });
});

describe('comments', { timeout: 60_000 }, () => {
  it('come across from many more posts than the hand-off to the comment import holds at once', async () => {
    const posts = Array.from({ length: 60 }, (_, i) =>
      itemXml({
        id: i + 1,
        title: `Story ${i + 1}`,
        slug: `story-${i + 1}`,
        content: '<p>Text.</p>',
        comments: [
          { id: 2 * i + 1, parent: 0, author: 'Ana', content: 'First.', approved: '1' },
          { id: 2 * i + 2, parent: 2 * i + 1, author: 'Ben', content: 'A reply.', approved: '1' },
        ],
      }),
    );
    const file = path.join(work, 'many.xml');
    writeFileSync(file, wxrHeader() + posts.join('') + WXR_FOOTER);
    const report = await run({ exportFile: file });
    expect(report.error).toBeNull();
    const stored = await dump();
    expect(stored.length).toBe(120);
    expect(stored.filter((c) => c.parent_id !== null).length).toBe(60);
  });
});

describe('a later export of part of the site', { timeout: 60_000 }, () => {
  it('keeps the old addresses it does not have, leading where their articles are now', async () => {
    const post = (id: number, slug: string, section: string, link: string) =>
      itemXml({
        id,
        title: `Story ${id}`,
        slug,
        link,
        content: '<p>Text.</p>',
        categories: [{ domain: 'category', nicename: section, name: section }],
      });
    const first = path.join(work, 'first.xml');
    writeFileSync(
      first,
      wxrHeader() +
        categoryXml({ nicename: 'news' }) +
        post(1, 'budget', 'news', 'https://news.example/2019/05/budget/') +
        post(2, 'election', 'news', 'https://news.example/2019/06/election/') +
        WXR_FOOTER,
    );
    expect((await run({ exportFile: first })).error).toBeNull();
    // Later, only post 1 is exported: moved to another section, with a new permalink.
    const later = path.join(work, 'later.xml');
    writeFileSync(
      later,
      wxrHeader() +
        categoryXml({ nicename: 'world' }) +
        post(1, 'budget', 'world', 'https://news.example/world/budget/') +
        WXR_FOOTER,
    );
    expect((await run({ exportFile: later })).error).toBeNull();
    const text = readFileSync(path.join(site.root, 'content/redirects/wordpress.yaml'), 'utf8');
    const to = new Map(readRedirects(text).map((r) => [r.from, r.to]));
    expect(to.get('/2019/05/budget/')).toBe('/world/budget');
    expect(to.get('/world/budget/')).toBeUndefined();
    expect(to.get('/2019/06/election/')).toBe('/news/election');
    expect(existsSync(path.join(site.root, 'content/articles/election.mdx'))).toBe(true);
  });
});

describe('a hostile export', { timeout: 90_000 }, () => {
  const BAD = [
    '../../../etc/passwd',
    '/absolute/path',
    'nul%00byte',
    'x'.repeat(3_000),
    '\u202eevil\u202c\u200b🙂',
    '..',
    'C:\\Windows\\win.ini',
  ];

  it('writes only inside content/ and public/, with clean addresses the content check accepts', async () => {
    const category = `<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>${cdata('../../api')}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata('<script>alert(1)</script>')}</wp:cat_name></wp:category>`;
    const author = `<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('../editor')}</wp:author_login><wp:author_display_name>${cdata('\u202eEdi\u200btor\u2028')}</wp:author_display_name></wp:author>`;
    const items = BAD.flatMap((slug, i) => [
      itemXml({
        id: 100 + i,
        title: slug,
        slug,
        creator: '../editor',
        content: `<p>Text ${i} <img src="https://news.example/wp-content/uploads/../../../../etc/passwd.jpg"></p>`,
        categories: [{ domain: 'category', nicename: '../../api', name: 'x' }],
        meta: [{ key: '_thumbnail_id', value: String(200 + i) }],
      }),
      itemXml({ id: 150 + i, title: `Page ${slug}`, slug, type: 'page', content: '<p>Page.</p>' }),
      itemXml({
        id: 200 + i,
        title: 'picture',
        slug: `picture-${i}`,
        type: 'attachment',
        status: 'inherit',
        content: '',
        attachmentUrl: `https://news.example/wp-content/uploads/${slug}.jpg`,
      }),
    ]);
    const file = path.join(work, 'hostile.xml');
    writeFileSync(file, wxrHeader() + author + category + items.join('') + WXR_FOOTER);
    const beside = treeHashes(site.box, ['site']);
    const report = await run({ exportFile: file });
    expect(report.error).toBeNull();
    expect(report.written.length).toBeGreaterThan(BAD.length * 2);
    for (const written of report.written) expect(isWritablePath(written), written).toBe(true);
    // Nothing beside the site changed, nor anywhere else in the site than content/ and public/.
    expect(treeHashes(site.box, ['site'])).toEqual(beside);
    const top = readdirSync(site.root).sort();
    expect(
      top.filter((name) => !['content', 'public', 'data', '.masthead'].includes(name)),
    ).toEqual([]);

    expect((await contentCheck(site.root)).errors).toEqual([]);
  });
});
