import type { ContentProblem } from './types';

export type ArticleRefs = {
  sourcePath: string;
  slug: string;
  section: string;
  author: unknown;
  /** Editor's picks for "You may also like": slugs of other articles. */
  related?: string[];
};

/** Paths the site owns at the top level; a section with one of these ids could never be reached. */
export const RESERVED_SECTION_IDS = new Set([
  'api',
  'authors',
  'tags',
  'search',
  'admin',
  'feed.xml',
  'atom.xml',
  'feed.json',
  'sitemap.xml',
  'robots.txt',
  'corrections',
  'comments',
  'privacy',
  'images',
  '_next',
]);

const URL_SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `author: id` or `author: [id, id]`, as the content contract allows. */
export function authorIds(author: unknown): string[] | null {
  if (typeof author === 'string' && author.trim()) return [author.trim()];
  if (Array.isArray(author) && author.length > 0 && author.every((a) => typeof a === 'string')) {
    return author.map((a: string) => a.trim());
  }
  return null;
}

/**
 * Checks what the schema cannot: that articles point at sections and authors that exist and
 * that no two articles claim the same URL. Returns every problem, so one build lists them all.
 */
export function validateReferences(
  articles: ArticleRefs[],
  sectionIds: string[],
  authorIdList: string[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const sections = new Set(sectionIds);
  const authors = new Set(authorIdList);
  const seen = new Map<string, string>();
  const slugs = new Set(articles.map((a) => a.slug));

  for (const id of sectionIds) {
    if (RESERVED_SECTION_IDS.has(id)) {
      problems.push({
        file: `sections/${id}.yaml`,
        field: 'id',
        message: `"${id}" is a path the site uses itself; rename the section file`,
      });
    }
  }

  for (const article of articles) {
    const { sourcePath: file, slug } = article;
    if (!URL_SAFE.test(slug)) {
      problems.push({
        file,
        field: 'slug',
        message: `"${slug}" is not URL-safe; name the file with lower-case letters, digits and hyphens`,
      });
    }
    const earlier = seen.get(slug);
    if (earlier) {
      problems.push({
        file,
        field: 'slug',
        message: `"${slug}" is already used by ${earlier}; every article needs its own file name`,
      });
    } else {
      seen.set(slug, file);
    }
    if (!sections.has(article.section)) {
      problems.push({
        file,
        field: 'section',
        message: `unknown section "${article.section}"; use one of ${sectionIds.join(', ')}`,
      });
    }
    for (const pick of article.related ?? []) {
      if (!slugs.has(pick)) {
        problems.push({
          file,
          field: 'related',
          message: `unknown article "${pick}"; write the file name of another article, without .mdx`,
        });
      }
    }
    const ids = authorIds(article.author);
    if (!ids) {
      problems.push({
        file,
        field: 'author',
        message: 'write an author id, or a list of ids like [omar-el-sayed, lena-fischer]',
      });
      continue;
    }
    for (const id of ids) {
      if (!authors.has(id)) {
        problems.push({
          file,
          field: 'author',
          message: `unknown author "${id}"; add content/authors/${id}.mdx or use one of ${authorIdList.join(', ')}`,
        });
      }
    }
  }
  return problems;
}

export function formatProblems(problems: ContentProblem[]): string {
  return problems.map((p) => `content/${p.file}  ${p.field}  ${p.message}`).join('\n');
}
