import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixture, fixtureText } from '@/test/support/wordpress-exports';
import {
  scratchSite,
  treeHashes,
  uploadsFor,
  type ScratchSite,
} from '@/test/support/wordpress-site';
import { openBodyConverter, type BodyPoolOptions } from './body-pool';
import type { BodyTables } from './body-tables';
import { importWordPress } from './run';

/**
 * Bodies converted on worker threads come out as the importer's own thread converts them —
 * pictures, galleries and links to moved posts looked up from tables the workers receive as
 * data — in export order; and a worker that dies is an import that failed, with the post
 * named, never a hang.
 */
const EXPORTS = ['themeunittestdata.wordpress.xml', '64-block-test-data.xml'];

let scratch: string;
const sites: ScratchSite[] = [];

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'masthead-wp-pool-'));
});
afterAll(async () => {
  for (const site of sites) {
    await site.db.destroy();
    rmSync(site.box, { recursive: true, force: true });
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** Each export imported into one new scratch site, bodies converted as `bodies` says. */
async function importAll(bodies: BodyPoolOptions) {
  const site = await scratchSite('masthead-wp-pool-');
  sites.push(site);
  const reports = [];
  for (const name of EXPORTS) {
    const uploads = path.join(scratch, name, 'uploads');
    uploadsFor(fixture(name), uploads);
    const report = await importWordPress({
      exportFile: fixture(name),
      root: site.root,
      db: site.db,
      pictures: { uploadsDir: uploads },
      bodies,
      now: new Date('2026-06-01T00:00:00Z'),
    });
    expect(report.error).toBeNull();
    reports.push({ losses: report.losses, counts: report.counts, written: report.written });
  }
  const comments = await site.db
    .selectFrom('comments')
    .select(['article_slug', 'parent_id', 'status', 'body'])
    .orderBy('id')
    .execute();
  return { site, reports, files: treeHashes(site.root), comments };
}

describe('converting bodies on worker threads', { timeout: 240_000 }, () => {
  it('writes the same files, report and comments as converting them one by one', async () => {
    const alone = await importAll({ threads: 0 });
    // Two threads, few bodies ahead: results finish out of order and must be put back in it.
    const pooled = await importAll({ threads: 2, ahead: 3 });
    expect(pooled.files).toEqual(alone.files);
    expect(pooled.reports).toEqual(alone.reports);
    expect(pooled.comments).toEqual(alone.comments);

    // The tables reached the workers: pictures found, a gallery filled, an old link moved.
    const read = (relative: string) => readFileSync(path.join(pooled.site.root, relative), 'utf8');
    expect(read('content/articles/template-featured-image-horizontal.mdx')).toContain(
      '/images/wordpress/',
    );
    expect(read('content/articles/post-format-gallery.mdx')).toMatch(
      /!\[[^\]]*\]\(\/images\/wordpress\//,
    );
    // An attachment page of the old site, linked from a gallery: now the post it belonged to.
    expect(read('content/articles/block-gallery.mdx')).toContain(
      '[![canola](/images/wordpress/2008/06/canola2.jpg)](/classic/post-format-gallery)',
    );
  });

  it('shares the bodies between the workers and this thread when the workers fall behind, with the same result', async () => {
    const tables: BodyTables = {
      siteUrl: 'https://old.example/',
      attachments: new Map(),
      pictures: { roots: [], had: new Set() },
      redirects: new Map([['/?p=7', '/world/moved-story']]),
    };
    const jobs = Array.from({ length: 40 }, (_, i) => ({
      html: `<h2>Part ${i}</h2><p>See <a href="https://old.example/?p=7">the story</a> {not code} <3</p><table><tr><td>${i}</td></tr></table>`,
      attached: [],
    }));
    const alone = openBodyConverter(tables, jobs.length, { threads: 0 });
    const expected = await Promise.all(jobs.map((job) => alone.convert(job)));
    const shared = openBodyConverter(tables, jobs.length, { threads: 1, backlog: 2 });
    try {
      const got = await Promise.all(jobs.map((job) => shared.convert(job)));
      expect(got).toEqual(expected);
      expect(got[0]?.mdx).toContain('/world/moved-story');
      // All 40 asked at once: two went to the worker, the rest were converted here.
      expect(shared.converted.workers).toBeGreaterThanOrEqual(2);
      expect(shared.converted.here).toBeGreaterThan(0);
      expect(shared.converted.here + shared.converted.workers).toBe(40);
    } finally {
      await shared.close();
    }
  });

  // A real export with one hostile body: a table of 50,000 rows, far more than a worker given
  // 64 MB can hold as a tree.
  const hostile = () => {
    const rows = '<tr><td>cell <b>x</b></td><td>y</td></tr>'.repeat(50_000);
    const text = fixtureText('wxr-simple.xml').replace(
      '<content:encoded><![CDATA[',
      `<content:encoded><![CDATA[<table>${rows}</table>`,
    );
    const file = path.join(scratch, 'huge-table.xml');
    writeFileSync(file, text);
    return file;
  };

  it.each([
    ['dies converting a body', 64],
    ['cannot even start', 8],
  ])('reports the post and writes nothing when a worker %s', async (_, heapMb) => {
    const site = await scratchSite('masthead-wp-pool-');
    sites.push(site);
    const before = treeHashes(site.root);
    const report = await importWordPress({
      exportFile: hostile(),
      root: site.root,
      db: site.db,
      pictures: {},
      bodies: { threads: 1, resourceLimits: { maxOldGenerationSizeMb: heapMb } },
    });
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/^post \d+: its body could not be converted \(.*memory/);
    expect(treeHashes(site.root)).toEqual(before);
    expect(await site.db.selectFrom('comments').select('id').execute()).toEqual([]);
  });
});
