import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { fixture } from '@/test/support/wordpress-exports';
import {
  scratchSite,
  treeHashes,
  uploadsFor,
  type ScratchSite,
} from '@/test/support/wordpress-site';
import { contentCheck } from '@/test/support/content-check';
import { MANIFEST_FILE } from './manifest';
import { reportMarkdown } from './report';
import { importWordPress, type ImportOptions } from './run';
import { REDIRECTS_FILE } from './site-files';

/**
 * The whole import on WordPress's own Theme Unit Test export, into a scratch copy of this
 * site with an SQLite comment store: what comes across, that the content check accepts it,
 * that importing again changes nothing, and that a later export updates only what nobody
 * has changed here.
 */
const THEME = fixture('themeunittestdata.wordpress.xml');

let site: ScratchSite;
let uploads: string;
let scratch: string;
const run = (over: Partial<ImportOptions> = {}) =>
  importWordPress({
    exportFile: THEME,
    root: site.root,
    db: site.db,
    pictures: { uploadsDir: uploads },
    now: new Date('2026-06-01T00:00:00Z'),
    ...over,
  });
const read = (relative: string) => readFileSync(path.join(site.root, relative), 'utf8');
const comments = async () =>
  await site.db
    .selectFrom('comments')
    .select(['article_slug', 'status', 'body'])
    .orderBy('id')
    .execute();

beforeAll(async () => {
  site = await scratchSite();
  scratch = mkdtempSync(path.join(tmpdir(), 'masthead-wp-uploads-'));
  uploads = path.join(scratch, 'uploads');
  uploadsFor(THEME, uploads);
});
afterAll(async () => {
  await site.db.destroy();
  rmSync(site.box, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('importing the Theme Unit Test export', { timeout: 180_000 }, () => {
  it('brings the posts, pages, authors, sections, pictures, comments and old addresses across', async () => {
    const started = performance.now();
    const report = await run();
    const seconds = (performance.now() - started) / 1000;
    expect(report.error).toBeNull();
    expect(report.outcome).toBe('complete');
    console.log(`Theme Unit Test import: ${seconds.toFixed(1)} s`);

    const sticky = read('content/articles/template-sticky.mdx');
    expect(sticky).toContain('title: "Template: Sticky"');
    expect(sticky).toContain('sticky: true');
    expect(sticky).toContain('guid: "http://wptest.io/demo/?p=1241"');
    expect(read('content/articles/scheduled.mdx')).toContain('date: "2030-01-01T19:00:18Z"');
    expect(read('content/articles/draft.mdx')).toContain('draft: true');
    expect(read('content/articles/template-password-protected.mdx')).toContain('draft: true');
    expect(read('content/articles/template-excerpt-defined.mdx')).toContain(
      'dek: "This is a user-defined post excerpt.',
    );
    const featured = parse(
      read('content/articles/template-featured-image-horizontal.mdx').split('---')[1] ?? '',
    );
    expect(featured.image.src).toMatch(/^\/images\/wordpress\/.+\.jpg$/);
    expect(readFileSync(path.join(site.root, 'public', featured.image.src)).length).toBeGreaterThan(
      0,
    );
    expect(read('content/pages/level-1/level-2/level-3.mdx')).toContain('title: "Level 3"');
    expect(read('content/pages/greek/epipedo-2/epipedo-3.mdx')).toContain('Επίπεδο 3');
    expect(read('content/authors/themedemos.mdx')).toContain('name: "Theme Buster"');

    const redirects = parse(read(REDIRECTS_FILE)) as { redirects: { from: string; to: string }[] };
    const to = new Map(redirects.redirects.map((r) => [r.from, r.to]));
    expect(to.get('/2012/01/07/template-sticky/')).toBe('/classic/template-sticky');
    expect(to.get('/?p=1241')).toBe('/classic/template-sticky');
    expect(to.get('/?page_id=172')).toBe('/level-1/level-2/level-3');

    const stored = await comments();
    expect(stored.filter((c) => c.article_slug === 'template-comments').length).toBeGreaterThan(10);
    expect(stored.some((c) => c.status === 'pending')).toBe(true);
    expect(stored.every((c) => c.status === 'approved' || c.status === 'pending')).toBe(true);
    expect(report.counts.get('comments published')).toBe(
      stored.filter((c) => c.status === 'approved').length,
    );
    expect(report.counts.get('comments held for moderation')).toBe(
      stored.filter((c) => c.status === 'pending').length,
    );

    const markdown = reportMarkdown(report);
    expect(markdown).toContain('| post | 1168 |');
    expect(markdown).toMatch(/password-protected/);
  });

  it('gives content the content check accepts', async () => {
    const { errors, articles } = await contentCheck(site.root);
    expect(errors).toEqual([]);
    expect(articles).toBeGreaterThan(70);
  });

  it('changes nothing when the same export is imported again', async () => {
    const before = treeHashes(site.root);
    const stored = await comments();
    const report = await run();
    expect(report.outcome).toBe('complete');
    expect(report.written).toEqual([]);
    expect(report.kept).toEqual([]);
    expect(treeHashes(site.root)).toEqual(before);
    expect(await comments()).toEqual(stored);
  });

  it('updates from a later export only what nobody changed here, unless forced', async () => {
    const later = path.join(scratch, 'later.xml');
    writeFileSync(
      later,
      readFileSync(THEME, 'utf8')
        .replace('<title>Template: Sticky</title>', '<title>Template: Sticky, revised</title>')
        .replace('<title>Template: Comments</title>', '<title>Template: Comments, revised</title>'),
    );
    const edited = 'content/articles/template-comments.mdx';
    writeFileSync(
      path.join(site.root, edited),
      read(edited).replace('Template: Comments', 'Edited here'),
    );

    const report = await run({ exportFile: later });
    expect(report.outcome).toBe('complete');
    expect(read('content/articles/template-sticky.mdx')).toContain(
      'title: "Template: Sticky, revised"',
    );
    expect(read(edited)).toContain('Edited here');
    expect(report.kept).toEqual([
      { file: edited, why: expect.stringMatching(/changed since the last import/) },
    ]);
    expect(reportMarkdown(report)).toContain(edited);

    const forced = await run({ exportFile: later, force: true });
    expect(forced.kept).toEqual([]);
    expect(read(edited)).toContain('title: "Template: Comments, revised"');
    expect(JSON.parse(read(MANIFEST_FILE)).files[edited]).toMatch(/^[0-9a-f]{64}$/);
  });
});
