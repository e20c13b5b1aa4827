import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { contentCheck } from '@/test/support/content-check';
import { FIXTURES } from '@/test/support/wordpress-exports';
import { scratchSite, type ScratchSite } from '@/test/support/wordpress-site';
import { importWordPress } from './run';

/**
 * Every export in test/fixtures/wordpress (WordPress's own: the Theme Unit Test, the block
 * test data, the importer's parser tests with their edge cases and breakage) imported one
 * after another into one newsroom, as a site that moved several blogs would: the broken ones
 * refused, the rest complete, and the content check accepts the newsroom that results.
 */
const REFUSED = [
  'invalid-version-tag.xml',
  'malformed-simple.xml',
  'malformed.xml',
  'missing-version-tag.xml',
];

let site: ScratchSite;
beforeAll(async () => {
  site = await scratchSite();
});
afterAll(async () => {
  await site.db.destroy();
  rmSync(site.box, { recursive: true, force: true });
});

describe('all of WordPress’s own exports into one newsroom', { timeout: 600_000 }, () => {
  it('imports each, refuses the broken ones, and builds', async () => {
    const files = readdirSync(FIXTURES)
      .filter((name) => name.endsWith('.xml'))
      .sort();
    expect(files.length).toBeGreaterThan(30);
    const outcomes: Record<string, string> = {};
    for (const name of files) {
      const report = await importWordPress({
        exportFile: path.join(FIXTURES, name),
        root: site.root,
        db: site.db,
        // No copy of these sites' uploads: their pictures are reported lost, not fetched.
        pictures: { uploadsDir: site.box },
      });
      outcomes[name] = report.outcome;
    }
    expect(Object.entries(outcomes).filter(([, outcome]) => outcome !== 'complete')).toEqual(
      REFUSED.map((name) => [name, 'refused']),
    );
    const { errors, articles } = await contentCheck(site.root);
    expect(errors).toEqual([]);
    expect(articles).toBeGreaterThan(130);
  });
});
