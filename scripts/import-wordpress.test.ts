import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fixture } from '@/test/support/wordpress-exports';
import { scratchSite, treeHashes, type ScratchSite } from '@/test/support/wordpress-site';

/** npm run import:wordpress as a newsroom runs it, in a scratch copy of the site. */
const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
let site: ScratchSite;

const cli = (...args: string[]) =>
  exec(
    path.join(repo, 'node_modules', '.bin', 'tsx'),
    [
      '--tsconfig',
      path.join(repo, 'tsconfig.json'),
      path.join(repo, 'scripts/import-wordpress.ts'),
      ...args,
    ],
    { cwd: site.root, env: { ...process.env, COMMENTS_DB: site.dbFile, DATABASE_URL: '' } },
  ).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout + error.stderr,
    }),
  );

beforeEach(async () => {
  site = await scratchSite();
  await site.db.destroy();
});
afterEach(() => rmSync(site.box, { recursive: true, force: true }));

// Each run is a tsx start: seconds alone, many more on a machine running other lanes.
describe('npm run import:wordpress', { timeout: 120_000 }, () => {
  it('prints the report of a dry run and writes nothing', async () => {
    const before = treeHashes(site.root, ['.masthead']);
    const { code, stdout } = await cli(
      fixture('small-export.xml'),
      '--dry-run',
      '--uploads',
      site.root,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('# WordPress import report');
    expect(stdout).toContain('Dry run: nothing was written');
    expect(treeHashes(site.root, ['.masthead'])).toEqual(before);
  });

  it('imports, writes import-report.md and exits 0; refuses a broken export with exit 1', async () => {
    const done = await cli(fixture('small-export.xml'), '--uploads', site.root);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('The import is complete.');
    expect(existsSync(path.join(site.root, 'content/articles/hello-world.mdx'))).toBe(true);
    expect(readFileSync(path.join(site.root, 'import-report.md'), 'utf8')).toContain(
      '| Private Post |',
    );
    expect(existsSync(site.dbFile)).toBe(true);

    const before = treeHashes(site.root, ['.masthead', 'import-report.md']);
    const refused = await cli(fixture('malformed.xml'));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/refused: nothing was written[\s\S]*line \d+, column \d+/);
    expect(treeHashes(site.root, ['.masthead', 'import-report.md'])).toEqual(before);
  });

  it('says how to use it when the export is missing', async () => {
    const { code, stdout } = await cli();
    expect(code).toBe(1);
    expect(stdout).toContain('usage: npm run import:wordpress');
  });
});
