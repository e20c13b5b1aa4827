// npm run new:article -- --section world --author omar-el-sayed "Headline of the story"
// Writes content/articles/<slug>.mdx as a draft with today's date; never overwrites a file.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldArticle } from '../lib/content/authoring/scaffold';

const root = process.cwd();
const { values, positionals } = parseArgs({
  options: { section: { type: 'string', default: '' }, author: { type: 'string', default: '' } },
  allowPositionals: true,
});

const stems = (dir: string, ext: string) =>
  existsSync(path.join(root, dir))
    ? readdirSync(path.join(root, dir), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(ext))
        .map((f) => path.basename(f, ext))
    : [];

try {
  const scaffold = scaffoldArticle({
    headline: positionals.join(' '),
    section: values.section,
    author: values.author,
    sections: stems('content/sections', '.yaml'),
    authors: stems('content/authors', '.mdx'),
    existingSlugs: stems('content/articles', '.mdx'),
    today: new Date(),
  });
  writeFileSync(path.join(root, scaffold.file), scaffold.text, { flag: 'wx' });
  console.log(
    `Wrote ${scaffold.file} (a draft). Preview it, then remove "draft: true" to publish.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error('usage: npm run new:article -- --section <id> --author <id> "Headline"');
  process.exit(1);
}
