import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { remarkCheckMdx, type MdxProblem } from '../remark-check-mdx';
import { didYouMean } from '../suggest';
import { parseFrontmatter } from './frontmatter';

export type Severity = 'error' | 'warning';
export type Finding = {
  file: string;
  line: number;
  field: string;
  problem: string;
  fix: string;
  severity: Severity;
};

const FIELDS = [
  'title',
  'dek',
  'date',
  'updated',
  'section',
  'author',
  'tags',
  'image',
  'draft',
  'related',
  'corrections',
];
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const URL_SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INTERNAL_LINK = /^\/([a-z0-9-]+)\/([a-z0-9-]+)\/?(?:[#?].*)?$/;
export const LIMITS = { dek: 200, title: 110 };

type ArticleFile = { file: string; slug: string; section?: string; source: string };

const list = (dir: string, ext: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(ext))
        .sort()
    : [];

/** "did you mean `world`?" when a known id is close, else the general advice. */
const suggestOr = (value: string, known: string[], otherwise: string) =>
  didYouMean(value, known).replace(/^; /, '') || otherwise;

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));

/**
 * Checks every article the way an editor needs: all problems in one run, each with the file,
 * the line, the field, what is wrong and what to write instead.
 */
export async function checkContent(contentDir: string, publicDir: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const sections = list(path.join(contentDir, 'sections'), '.yaml').map((f) =>
    path.basename(f, '.yaml'),
  );
  const authors = list(path.join(contentDir, 'authors'), '.mdx').map((f) =>
    path.basename(f, '.mdx'),
  );
  const articles: ArticleFile[] = list(path.join(contentDir, 'articles'), '.mdx').map((rel) => {
    const source = readFileSync(path.join(contentDir, 'articles', rel), 'utf8');
    const { data } = parseFrontmatter(source);
    return {
      file: `content/articles/${rel}`,
      slug: path.basename(rel, '.mdx'),
      ...(typeof data.section === 'string' ? { section: data.section } : {}),
      source,
    };
  });
  const slugs = articles.map((a) => a.slug);
  const where = new Map<string, string>();

  for (const article of articles) {
    const add = (
      line: number,
      field: string,
      problem: string,
      fix: string,
      severity: Severity = 'error',
    ) => findings.push({ file: article.file, line, field, problem, fix, severity });
    const fm = parseFrontmatter(article.source);
    for (const e of fm.errors)
      add(e.line, 'frontmatter', e.message, 'fix the YAML between the --- lines');
    const { data, lineOf } = fm;
    const missing = (field: string, fix: string) => add(2, field, 'missing', fix);

    if (!URL_SAFE.test(article.slug)) {
      add(
        1,
        'slug',
        `file name "${article.slug}" is not URL-safe`,
        'rename the file with lower-case letters, digits and hyphens only',
      );
    }
    const first = where.get(article.slug);
    if (first)
      add(
        1,
        'slug',
        `"${article.slug}" is already used by ${first}`,
        'give one of the two files another name',
      );
    else where.set(article.slug, article.file);

    if (fm.errors.length > 0) continue;

    for (const field of Object.keys(data)) {
      if (!FIELDS.includes(field)) {
        add(
          lineOf(field),
          field,
          'is not a field Masthead knows',
          `remove it${didYouMean(field, FIELDS).replace(/^; /, ', or ')}`,
        );
      }
    }
    for (const field of ['title', 'dek'] as const) {
      const value = data[field];
      if (value === undefined) missing(field, `add ${field}: "…" to the frontmatter`);
      else if (typeof value !== 'string' || !value.trim())
        add(lineOf(field), field, 'must be text', `write ${field}: "…" in quotes`);
    }
    if (typeof data.title === 'string' && data.title.length > LIMITS.title) {
      add(
        lineOf('title'),
        'title',
        `is ${data.title.length} characters long`,
        `keep headlines under ${LIMITS.title} characters`,
        'warning',
      );
    }
    if (typeof data.dek === 'string' && data.dek.length > LIMITS.dek) {
      add(
        lineOf('dek'),
        'dek',
        `is ${data.dek.length} characters long`,
        `keep the standfirst under ${LIMITS.dek} characters`,
        'warning',
      );
    }

    if (data.date === undefined) missing('date', 'add date: 2026-11-28 (or 2026-11-28T09:30:00Z)');
    else if (!isDate(data.date)) {
      add(
        lineOf('date'),
        'date',
        `"${String(data.date)}" is not a date`,
        'write it as 2026-11-28 or 2026-11-28T09:30:00Z',
      );
    }
    if (data.updated !== undefined) {
      if (!isDate(data.updated)) {
        add(
          lineOf('updated'),
          'updated',
          `"${String(data.updated)}" is not a date`,
          'write it as 2026-11-28 or 2026-11-28T09:30:00Z',
        );
      } else if (isDate(data.date) && Date.parse(data.updated) < Date.parse(data.date)) {
        add(
          lineOf('updated'),
          'updated',
          `is before the publication date ${data.date}`,
          'use a date after date:, or remove updated:',
        );
      }
    }

    if (data.section === undefined)
      missing('section', `add section: with one of ${sections.join(', ')}`);
    else if (typeof data.section !== 'string' || !sections.includes(data.section)) {
      add(
        lineOf('section'),
        'section',
        `unknown section "${String(data.section)}"`,
        suggestOr(String(data.section), sections, `use one of ${sections.join(', ')}`),
      );
    }

    const authorList = typeof data.author === 'string' ? [data.author] : data.author;
    if (data.author === undefined)
      missing('author', 'add author: with an author id, e.g. author: omar-el-sayed');
    else if (
      !Array.isArray(authorList) ||
      authorList.length === 0 ||
      authorList.some((a) => typeof a !== 'string')
    ) {
      add(
        lineOf('author'),
        'author',
        'must be an author id or a list of ids',
        'write author: omar-el-sayed or author: [omar-el-sayed, lena-vogel]',
      );
    } else {
      for (const id of authorList as string[]) {
        if (!authors.includes(id)) {
          add(
            lineOf('author'),
            'author',
            `unknown author "${id}"`,
            suggestOr(
              id,
              authors,
              `add content/authors/${id}.mdx, or use one of ${authors.join(', ')}`,
            ),
          );
        }
      }
    }

    if (data.tags === undefined || (Array.isArray(data.tags) && data.tags.length === 0)) {
      add(
        data.tags === undefined ? 2 : lineOf('tags'),
        'tags',
        'none given',
        'add tags: [topic, another-topic] so readers can find related stories',
        'warning',
      );
    } else if (!Array.isArray(data.tags) || data.tags.some((t) => typeof t !== 'string')) {
      add(lineOf('tags'), 'tags', 'must be a list of words', 'write tags: [energy, europe]');
    }

    if (data.draft !== undefined && typeof data.draft !== 'boolean') {
      add(
        lineOf('draft'),
        'draft',
        `"${String(data.draft)}" is not true or false`,
        'write draft: true, or remove the line to publish',
      );
    }

    if (data.image !== undefined) {
      const image = data.image as Record<string, unknown> | null;
      if (!image || typeof image !== 'object' || Array.isArray(image)) {
        add(
          lineOf('image'),
          'image',
          'must have src: and alt: on indented lines',
          'see the image example in README.md',
        );
      } else {
        if (typeof image.alt !== 'string' || !image.alt.trim()) {
          add(
            lineOf('image'),
            'image.alt',
            'missing',
            'describe what the picture shows, for readers who cannot see it',
          );
        }
        if (typeof image.src !== 'string' || !image.src.startsWith('/')) {
          add(
            lineOf('image'),
            'image.src',
            'missing or not a path',
            'write src: /images/your-picture.jpg (a file under public/)',
          );
        } else if (!existsSync(path.join(publicDir, image.src))) {
          add(
            lineOf('image'),
            'image.src',
            `no file public${image.src}`,
            'add the picture to public/images/ or correct the path',
          );
        }
      }
    }

    if (data.related !== undefined) {
      const related = Array.isArray(data.related) ? data.related : [data.related];
      for (const pick of related) {
        if (typeof pick !== 'string' || !slugs.includes(pick)) {
          add(
            lineOf('related'),
            'related',
            `unknown article "${String(pick)}"`,
            suggestOr(String(pick), slugs, 'write the file name of another article, without .mdx'),
          );
        }
      }
    }

    if (data.corrections !== undefined) {
      const corrections = Array.isArray(data.corrections) ? data.corrections : [];
      if (!Array.isArray(data.corrections))
        add(
          lineOf('corrections'),
          'corrections',
          'must be a list',
          'write each as - date: … and text: "…"',
        );
      for (const c of corrections as Record<string, unknown>[]) {
        if (!c || !isDate(c.date) || typeof c.text !== 'string' || !c.text.trim()) {
          add(
            lineOf('corrections'),
            'corrections',
            'each correction needs a date and a text',
            'write - date: 2026-11-28 and text: "What was wrong and what is right."',
          );
        }
      }
    }

    await checkBody(article, fm.body, fm.bodyLine, articles, add);
  }

  // A bio is MDX too, compiled by the same build, so it is content, not code, as well.
  for (const rel of list(path.join(contentDir, 'authors'), '.mdx')) {
    const file = `content/authors/${rel}`;
    const source = readFileSync(path.join(contentDir, 'authors', rel), 'utf8');
    const { body, bodyLine } = parseFrontmatter(source);
    const add = (line: number, field: string, problem: string, fix: string) =>
      findings.push({ file, line, field, problem, fix, severity: 'error' });
    await checkBody(
      { file, slug: path.basename(rel, '.mdx'), source },
      body,
      bodyLine,
      articles,
      add,
    );
  }
  return findings;
}

async function checkBody(
  article: ArticleFile,
  body: string,
  bodyLine: number,
  articles: ArticleFile[],
  add: (line: number, field: string, problem: string, fix: string) => void,
) {
  const toFile = (line: number | undefined) => (line ?? 1) + bodyLine - 1;
  const links: { url: string; line?: number }[] = [];
  const collectLinks = () => (tree: Root) => {
    visit(tree, 'link', (node) => {
      links.push({ url: node.url, ...(node.position ? { line: node.position.start.line } : {}) });
    });
  };
  try {
    // Parsing is where editors' mistakes surface; compiling to JavaScript as well (contentlayer2
    // does that next) tripled the time of this check on a large archive.
    const processor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkGfm)
      .use(collectLinks)
      .use(remarkCheckMdx, {
        report: ({ line, problem, fix }: MdxProblem) => add(toFile(line), 'body', problem, fix),
      });
    await processor.run(processor.parse(body));
  } catch (error) {
    const e = error as {
      line?: number;
      place?: { line?: number; start?: { line?: number } };
      reason?: string;
      message?: string;
    };
    const reason = (e.reason ?? e.message ?? String(error)).split('\n')[0] ?? '';
    // Some errors carry their position only in the text, as "(3:1-3:22)".
    const inText = /\((\d+):\d+(?:-\d+:\d+)?\)/.exec(reason);
    const line =
      e.line ?? e.place?.start?.line ?? e.place?.line ?? (inText ? Number(inText[1]) : undefined);
    add(
      toFile(line),
      'body',
      `MDX does not compile: ${reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/, '')}`,
      'check the tags and braces there; write { and < in prose as words',
    );
    return;
  }
  for (const link of links) {
    const match = INTERNAL_LINK.exec(link.url);
    if (!match) continue;
    const [, section, slug] = match;
    const target = articles.find((a) => a.slug === slug);
    if (['tags', 'authors', 'search', 'api', 'comments'].includes(section ?? '')) continue;
    if (!target || target.section !== section) {
      add(
        toFile(link.line),
        'body',
        `link to ${link.url} leads nowhere`,
        target
          ? `that article is at /${target.section}/${target.slug}`
          : 'check the section and file name of the article you mean',
      );
    }
  }
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}  ${f.field}  ${f.problem} — ${f.fix}`;
}
