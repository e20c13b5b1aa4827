import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Runs the real content build (contentlayer2 with our config) on small scratch newsrooms, to prove
 * that an editor's mistake stops it with the file, the field and the reason.
 */
const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

type Files = Record<string, string>;

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
};

const base: Files = {
  'sections/world.yaml': 'name: World\ndescription: News from everywhere.\norder: 1\n',
  'authors/omar-el-sayed.mdx': '---\nname: Omar El Sayed\nrole: World Editor\n---\n\nBio.\n',
  'articles/first-story.mdx': article(good),
};

async function build(files: Files): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-content-'));
  try {
    for (const file of ['contentlayer.config.ts', 'package.json', 'tsconfig.json']) {
      cpSync(path.join(root, file), path.join(dir, file));
    }
    cpSync(path.join(root, 'lib'), path.join(dir, 'lib'), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    for (const [name, text] of Object.entries({ ...base, ...files })) {
      mkdirSync(path.dirname(path.join(dir, 'content', name)), { recursive: true });
      writeFileSync(path.join(dir, 'content', name), text);
    }
    // The same entry `npm run content` uses.
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [path.join(root, 'scripts', 'content-build.mjs')],
        {
          cwd: dir,
          // contentlayer2 finds the project through PWD, not the process's working directory.
          env: { ...process.env, PWD: dir },
        },
      );
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: e.stdout + e.stderr };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('content build', { timeout: 60_000 }, () => {
  it('builds a correct newsroom', async () => {
    const { code, output } = await build({});
    expect(output).toContain('Generated 3 documents');
    expect(code).toBe(0);
  });

  it('fails on an unknown section and an unknown author, naming file and field', async () => {
    const { code, output } = await build({
      'articles/bad-refs.mdx': article({
        ...good,
        section: 'wrld',
        author: '[omar-el-sayed, nobody]',
      }),
    });
    expect(code).not.toBe(0);
    expect(output).toContain(
      'content/articles/bad-refs.mdx  section  unknown section "wrld"; use one of world',
    );
    expect(output).toContain('content/articles/bad-refs.mdx  author  unknown author "nobody"');
  });

  it('fails on two articles with the same slug', async () => {
    const { code, output } = await build({ 'articles/2025/first-story.mdx': article(good) });
    expect(code).not.toBe(0);
    // Both files are named: whichever is read second is reported against the first.
    expect(output).toMatch(
      /content\/articles\/(2025\/)?first-story\.mdx {2}slug {2}"first-story" is already used by articles\/(2025\/)?first-story\.mdx/,
    );
    expect(output).toContain('articles/2025/first-story.mdx');
  });

  it("fails on an editor's pick that is not an article", async () => {
    const { code, output } = await build({
      'articles/with-picks.mdx': article({ ...good, related: '[first-story, no-such-story]' }),
    });
    expect(code).not.toBe(0);
    expect(output).toContain(
      'content/articles/with-picks.mdx  related  unknown article "no-such-story"',
    );
  });

  it('fails on a missing required field', async () => {
    const { title: _title, ...untitled } = good;
    const { code, output } = await build({ 'articles/untitled.mdx': article(untitled) });
    expect(code).not.toBe(0);
    expect(output).toMatch(/articles\/untitled\.mdx[\s\S]*missing[\s\S]*title/);
  });

  it('fails on a timeline date it cannot read, naming the file and line', async () => {
    const body =
      '<Timeline caption="c">\n<TimelineEvent date="Spring 2025">x</TimelineEvent>\n</Timeline>';
    const { code, output } = await build({ 'articles/bad-date.mdx': article(good, body) });
    expect(code).not.toBe(0);
    expect(output).toContain('articles/bad-date.mdx');
    expect(output).toContain('<TimelineEvent> date: "Spring 2025" is not a date');
  });

  it('refuses an article that is code, naming the file, the line and what to write instead', async () => {
    const body = 'The key is {process.env.SECRET_KEY}.\n\n<iframe src="https://evil.example" />';
    const { code, output } = await build({ 'articles/leak.mdx': article(good, body) });
    expect(code).not.toBe(0);
    expect(output).toContain('articles/leak.mdx');
    // Line 9 of the file: the frontmatter and a blank line take the first eight.
    expect(output).toContain('line 9: `{process.env.SECRET_KEY}` is JavaScript');
    expect(output).toContain('line 11: <iframe> embeds another page or media');
    expect(output).not.toContain('Generated');
  });

  it('never runs frontmatter written as JavaScript (---js)', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'masthead-ran-'));
    const marker = path.join(outside, 'ran');
    try {
      const source = [
        '---js',
        `{ title: String(require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'yes')),`,
        "  dek: 'd', date: '2026-03-01', section: 'world', author: 'omar-el-sayed' }",
        '---',
        '',
        'Body.',
      ].join('\n');
      const { code } = await build({ 'articles/runs-code.mdx': source });
      expect(existsSync(marker)).toBe(false);
      expect(code).not.toBe(0);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
