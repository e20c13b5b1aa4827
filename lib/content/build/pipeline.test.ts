import { execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { currentVersionId, VERSION_FILES, versionDir } from '../store/layout';
import type { ContentIndex } from '../schema/types';
import type { RoutesFile } from '../../routing/routes-file';
import { formatFinding } from './findings';
import { buildContent } from './pipeline';

/**
 * The real content build on small scratch newsrooms: an editor's mistake stops it with file,
 * line, field and fix and writes nothing; a correct change compiles only that file.
 */
const repo = path.resolve(import.meta.dirname, '../../..');

const article = (fields: Record<string, string>, body = 'Body text.') =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n${body}\n`;

const good = {
  title: 'A headline',
  dek: 'A standfirst.',
  date: '2026-03-01',
  section: 'world',
  author: 'omar-el-sayed',
  tags: '[energy]',
};

let root: string;

function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'content', name)), { recursive: true });
    writeFileSync(path.join(root, 'content', name), text);
  }
}

const build = (extra: { full?: boolean } = {}) =>
  buildContent({
    root,
    contentDir: path.join(root, 'content'),
    publicDir: path.join(root, 'public'),
    ...extra,
  });

const errors = (result: Awaited<ReturnType<typeof build>>) =>
  result.findings.filter((f) => f.severity === 'error').map(formatFinding);

const index = () =>
  JSON.parse(
    readFileSync(path.join(versionDir(currentVersionId(root)!, root), VERSION_FILES.index), 'utf8'),
  ) as ContentIndex;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'masthead-content-'));
  mkdirSync(path.join(root, 'public'));
  write({
    'sections/world.yaml': 'name: World\ndescription: News from everywhere.\norder: 1\n',
    'authors/omar-el-sayed.mdx': '---\nname: Omar El Sayed\nrole: World Editor\n---\n\nBio.\n',
    'articles/first-story.mdx': article(good),
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('content build', { timeout: 60_000 }, () => {
  it('builds a correct newsroom into a version readers can see', async () => {
    const result = await build();
    expect(errors(result)).toEqual([]);
    expect(result.version?.changed.added).toEqual(['first-story']);
    expect(index().articles.map((a) => a.url)).toEqual(['/world/first-story']);
  });

  it('puts pages at their paths, drafts apart, for the pages and the proxy', async () => {
    const page = (title: string, draft = '') =>
      `---\ntitle: ${title}\ndescription: A page.\n${draft}---\n\nText.\n`;
    write({
      'pages/about.mdx': page('About'),
      'pages/about/team.mdx': page('The team'),
      'pages/about/team/editors.mdx': page('Editors'),
      'pages/about/plans.mdx': page('Plans', 'draft: true\n'),
    });
    expect(errors(await build())).toEqual([]);
    expect(index().pages?.map((p) => [p.url, p.draft])).toEqual([
      ['/about', false],
      ['/about/plans', true],
      ['/about/team', false],
      ['/about/team/editors', false],
    ]);
    const routes = JSON.parse(
      readFileSync(
        path.join(versionDir(currentVersionId(root)!, root), VERSION_FILES.routes),
        'utf8',
      ),
    ) as RoutesFile;
    expect(routes.pages).toEqual(['about', 'about/team', 'about/team/editors']);
    expect(routes.pageDrafts).toEqual(['about/plans']);
  });

  it('compiles redirects into the version, and publishes none that leads off the site', async () => {
    write({
      'redirects/wordpress.yaml':
        'redirects:\n  - from: /2019/05/first-story/\n    to: /world/first-story\n',
    });
    expect(errors(await build())).toEqual([]);
    const compiled = () =>
      JSON.parse(
        readFileSync(
          path.join(versionDir(currentVersionId(root)!, root), VERSION_FILES.redirects),
          'utf8',
        ),
      ) as { redirects: [string, string][] };
    expect(compiled().redirects).toEqual([['/2019/05/first-story', '/world/first-story']]);
    const live = currentVersionId(root);
    write({
      'redirects/by-hand.yaml': 'redirects:\n  - from: /old/\n    to: //evil.example/\n',
    });
    const result = await build();
    expect(errors(result)).toEqual([
      'content/redirects/by-hand.yaml:3  to  "//evil.example/" is not a path on this site — write a path starting with a single /, e.g. /world/a-story: a redirect never leads off the site',
    ]);
    expect(currentVersionId(root)).toBe(live);
    // A redirect to an article removed since is said, and the rest is published.
    unlinkSync(path.join(root, 'content', 'redirects', 'by-hand.yaml'));
    unlinkSync(path.join(root, 'content', 'articles', 'first-story.mdx'));
    write({ 'articles/second-story.mdx': article(good) });
    const after = await build();
    expect(after.findings.map(formatFinding)).toContain(
      'content/redirects/wordpress.yaml:3  to  "/world/first-story" is not a page this site has — check the address: readers following it find nothing there',
    );
    expect(after.ok).toBe(true);
  });

  it('compiles only what changed, and a second run with no change compiles nothing', async () => {
    write({ 'articles/second-story.mdx': article({ ...good, title: 'Second' }) });
    expect((await build()).counts.compiled).toBe(3);
    const again = await build();
    expect(again.counts).toMatchObject({ compiled: 0, incremental: true });
    write({ 'articles/second-story.mdx': article({ ...good, title: 'Second, corrected' }) });
    const edited = await build();
    expect(edited.counts.compiled).toBe(1);
    expect(edited.version?.changed).toEqual({ added: [], edited: ['second-story'], removed: [] });
    expect(index().articles.find((a) => a.slug === 'second-story')?.title).toBe(
      'Second, corrected',
    );
    unlinkSync(path.join(root, 'content', 'articles', 'second-story.mdx'));
    const removed = await build();
    expect(removed.version?.changed.removed).toEqual(['second-story']);
    expect(index().articles.map((a) => a.slug)).toEqual(['first-story']);
  });

  it('writes nothing when a file is wrong, and keeps the last good version live', async () => {
    await build();
    const live = currentVersionId(root);
    write({
      'articles/bad-refs.mdx': article({
        ...good,
        section: 'wrld',
        author: '[omar-el-sayed, nobody]',
      }),
    });
    const result = await build();
    expect(result.ok).toBe(false);
    expect(errors(result)).toEqual([
      'content/articles/bad-refs.mdx:5  section  unknown section "wrld" — did you mean `world`?',
      'content/articles/bad-refs.mdx:6  author  unknown author "nobody" — add content/authors/nobody.mdx, or use one of omar-el-sayed',
    ]);
    expect(currentVersionId(root)).toBe(live);
  });

  it('names both files when two articles claim one slug', async () => {
    write({ 'articles/2025/first-story.mdx': article(good) });
    expect(errors(await build())).toEqual([
      'content/articles/first-story.mdx:1  slug  "first-story" is already used by content/articles/2025/first-story.mdx — give one of the two files another name',
    ]);
  });

  it("refuses an editor's pick that is not an article, and a missing title", async () => {
    const { title: _title, ...untitled } = good;
    write({
      'articles/with-picks.mdx': article({ ...good, related: '[first-story, no-such-story]' }),
      'articles/untitled.mdx': article(untitled),
    });
    expect(errors(await build())).toEqual([
      'content/articles/untitled.mdx:2  title  missing — add title: "…" to the frontmatter',
      'content/articles/with-picks.mdx:8  related  unknown article "no-such-story" — write the file name of another article, without .mdx',
    ]);
  });

  it('refuses an article that is code, at its line, with what to write instead', async () => {
    const body = 'The key is {process.env.SECRET_KEY}.\n\n<iframe src="https://evil.example" />';
    write({ 'articles/leak.mdx': article(good, body) });
    const found = errors(await build());
    expect(found).toHaveLength(2);
    // Line 10 of the file: the frontmatter and a blank line take the first nine.
    expect(found[0]).toMatch(
      /^content\/articles\/leak\.mdx:10 {2}body {2}`\{process\.env\.SECRET_KEY\}` is JavaScript/,
    );
    expect(found[1]).toMatch(
      /^content\/articles\/leak\.mdx:12 {2}body {2}<iframe> embeds another page/,
    );
  });

  it('drafts are in the index for previews, out of the routes readers reach', async () => {
    write({ 'articles/secret.mdx': article({ ...good, draft: 'true' }) });
    await build();
    const routes = JSON.parse(
      readFileSync(
        path.join(versionDir(currentVersionId(root)!, root), VERSION_FILES.routes),
        'utf8',
      ),
    ) as { drafts: { slug: string }[]; articles: { slug: string }[] };
    expect(routes.drafts.map((d) => d.slug)).toEqual(['secret']);
    expect(routes.articles.map((a) => a.slug)).toEqual(['first-story']);
  });
});

describe('npm run content', { timeout: 60_000 }, () => {
  it('never runs frontmatter written as JavaScript (---js), and exits 1 naming the file', async () => {
    const marker = path.join(root, 'ran');
    write({
      'articles/runs-code.mdx': [
        '---js',
        `{ title: String(require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'yes')),`,
        "  dek: 'd', date: '2026-03-01', section: 'world', author: 'omar-el-sayed' }",
        '---',
        '',
        'Body.',
      ].join('\n'),
    });
    const run = promisify(execFile);
    const outcome = await run(
      path.join(repo, 'node_modules', '.bin', 'tsx'),
      [path.join(repo, 'scripts', 'content.ts')],
      { cwd: root },
    ).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );
    expect(existsSync(marker)).toBe(false);
    expect(outcome.code).toBe(1);
    expect(outcome.output).toContain('content/articles/runs-code.mdx:1  frontmatter');
    expect(outcome.output).toContain('nothing was written');
  });
});

describe('npm run content -- --watch (what npm run dev runs)', { timeout: 120_000 }, () => {
  it('builds again when an editor saves, and reports a mistake without losing what is live', async () => {
    const child = spawn(
      path.join(repo, 'node_modules', '.bin', 'tsx'),
      [path.join(repo, 'scripts', 'content.ts'), '--watch'],
      { cwd: root },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 450 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
      return done();
    };
    try {
      expect(await until(() => output.includes('watching content/'))).toBe(true);
      const first = currentVersionId(root);
      // Written the way editors' tools save: a new file renamed over the old one.
      const file = path.join(root, 'content', 'articles', 'first-story.mdx');
      writeFileSync(`${file}.swp`, article({ ...good, title: 'Saved again' }));
      renameSync(`${file}.swp`, file);
      expect(await until(() => currentVersionId(root) !== first)).toBe(true);
      expect(index().articles[0]?.title).toBe('Saved again');
      const live = currentVersionId(root);
      writeFileSync(file, article({ ...good, section: 'wrold' }));
      expect(
        await until(() => output.includes('content/articles/first-story.mdx:5  section')),
      ).toBe(true);
      expect(currentVersionId(root)).toBe(live);
    } finally {
      child.kill();
    }
  });
});
