import { compile } from '@mdx-js/mdx';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { schemaContext } from '@/lib/content/build/check';
import { mdxPlugins } from '@/lib/content/mdx/plugins';
import { renderMdx } from '@/lib/content/mdx/render';
import { heroImageSchema } from '@/lib/content/schema/frontmatter';
import { sitePathFor } from './site-path';

/**
 * The paths sitePathFor makes work where an article uses a picture: as the hero's `src` (the
 * schema, and the content check's look for the file under public/) and as a picture in the
 * body, which Markdown must carry through to the <img> untouched.
 */
const SITE = 'https://news.example.org';
const sitePaths = [
  '2019/05/a.jpg',
  '2019/05/a-300x200.jpg',
  'sites/2/2019/05/IMG_0001.JPG',
  'caf%C3%A9%20(1).jpg',
  'photo%E2%80%AEgpj.exe.png',
  '%5Bdraft%5D%20*bold*%20_x_.webp',
].map((rest) => sitePathFor(`${SITE}/wp-content/uploads/${rest}`, SITE) ?? 'none');

let publicDir: string;
beforeAll(async () => {
  publicDir = await mkdtemp(path.join(tmpdir(), 'masthead-public-'));
  for (const sitePath of sitePaths) {
    await mkdir(path.dirname(path.join(publicDir, sitePath)), { recursive: true });
    await writeFile(path.join(publicDir, sitePath), 'picture');
  }
});
afterAll(() => rm(publicDir, { recursive: true, force: true }));

describe.each(sitePaths)('%s', (sitePath) => {
  it('is a hero image the schema takes, and the content check finds its file', () => {
    expect(heroImageSchema.safeParse({ src: sitePath, alt: 'A boat' }).success).toBe(true);
    expect(schemaContext([], [], [], publicDir).publicFileExists(sitePath)).toBe(true);
  });

  it('reaches the body’s <img> unchanged through Markdown, with no content problems', async () => {
    const problems: string[] = [];
    const plugins = mdxPlugins((problem) => problems.push(problem.problem));
    const code = String(
      await compile(`![A boat](${sitePath})`, { ...plugins, outputFormat: 'function-body' }),
    );
    expect(problems).toEqual([]);
    // React adds a preload link for the picture; the <img> itself is what a reader's browser loads.
    expect(renderToStaticMarkup(renderMdx(code, {}))).toContain(
      `<p><img src="${sitePath}" alt="A boat"/></p>`,
    );
  });
});
