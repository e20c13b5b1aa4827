import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatFinding } from './findings';
import { buildContent } from './pipeline';
import { readSources } from './sources';

const article = '---\ntitle: "A story"\n---\n\nText.\n';
let dir: string;
let content: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'masthead-sources-'));
  content = path.join(dir, 'content');
  mkdirSync(path.join(content, 'articles', 'world'), { recursive: true });
  mkdirSync(path.join(content, 'sections'));
  writeFileSync(path.join(content, 'articles', 'world', 'a-story.mdx'), article);
  writeFileSync(path.join(content, 'sections', 'world.yaml'), 'name: World\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const refusedFiles = () => readSources(content).refused.map((f) => f.file);

describe('reading content/', () => {
  it('lists the files of each folder, articles in folders of their own', () => {
    const { sources, refused } = readSources(content);
    expect(refused).toEqual([]);
    expect(sources.map((s) => [s.kind, s.file, s.id])).toEqual([
      ['section', 'content/sections/world.yaml', 'world'],
      ['article', 'content/articles/world/a-story.mdx', 'a-story'],
    ]);
    expect(sources[1]!.read()).toBe(article);
  });

  it('names a page by its path under content/pages, which is its address', () => {
    mkdirSync(path.join(content, 'pages', 'about', 'team'), { recursive: true });
    for (const name of ['about.mdx', 'about/team.mdx', 'about/team/editors.mdx'])
      writeFileSync(path.join(content, 'pages', name), article);
    symlinkSync('/etc', path.join(content, 'pages', 'about', 'etc'));
    const { sources, refused } = readSources(content);
    expect(sources.filter((s) => s.kind === 'page').map((s) => [s.file, s.id])).toEqual([
      ['content/pages/about.mdx', 'about'],
      ['content/pages/about/team.mdx', 'about/team'],
      ['content/pages/about/team/editors.mdx', 'about/team/editors'],
    ]);
    expect(refused.map((f) => f.file)).toEqual(['content/pages/about/etc']);
  });

  it('refuses a folder that links to itself, instead of walking it for ever', () => {
    symlinkSync('.', path.join(content, 'articles', 'loop'));
    symlinkSync('..', path.join(content, 'articles', 'world', 'up'));
    expect(refusedFiles()).toEqual(['content/articles/loop', 'content/articles/world/up']);
  });

  it('refuses a link to a file of the host, and never reads it', () => {
    symlinkSync('/etc/passwd', path.join(content, 'articles', 'passwd.mdx'));
    symlinkSync('/etc/passwd', path.join(content, 'sections', 'passwd.yaml'));
    symlinkSync('/etc/hostname', path.join(content, 'ads.yaml'));
    const { sources, refused } = readSources(content);
    expect(refused.map(formatFinding)).toEqual([
      'content/ads.yaml:1  file  is a symbolic link; Masthead reads only plain files and folders in content/ — put the file itself there, or remove it',
      'content/sections/passwd.yaml:1  file  is a symbolic link; Masthead reads only plain files and folders in content/ — put the file itself there, or remove it',
      'content/articles/passwd.mdx:1  file  is a symbolic link; Masthead reads only plain files and folders in content/ — put the file itself there, or remove it',
    ]);
    expect(sources.map((s) => s.file)).not.toContain('content/articles/passwd.mdx');
  });

  it('refuses a whole folder that is a link, such as content/articles pointing at /etc', () => {
    rmSync(path.join(content, 'sections'), { recursive: true });
    symlinkSync('/etc', path.join(content, 'sections'));
    expect(refusedFiles()).toEqual(['content/sections']);
  });

  it('the build publishes nothing from a tree with a link, and names it', async () => {
    symlinkSync('.', path.join(content, 'articles', 'loop'));
    symlinkSync('/etc/passwd', path.join(content, 'articles', 'passwd.mdx'));
    const result = await buildContent({
      root: dir,
      contentDir: content,
      publicDir: path.join(dir, 'public'),
    });
    expect(result.ok).toBe(false);
    expect(result.version).toBeUndefined();
    expect(result.findings.map((f) => f.file)).toEqual([
      'content/articles/loop',
      'content/articles/passwd.mdx',
    ]);
  });
});
