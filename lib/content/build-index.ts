import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { siteConfig } from '../site';
import { rankRelated, type RelatedInput } from './related';
import { isPublished } from './sort';
import { EXCERPT_LENGTH, SEARCH_INDEX_OPTIONS, type SearchDoc } from './search-options';
import { plainText } from './text';
import type { TocEntry } from './toc';
import type { ArticleMeta, AuthorMeta, ContentProblem, HeroImage, SectionMeta } from './types';
import { authorIds, validateReferences } from './validate';
import { INDEX_DIR, writeContentIndex } from './write-index';

/** The fields of contentlayer2's generated documents that the site uses. */
type Generated = { _raw: { sourceFilePath: string }; body: { code: string; raw: string } };
type GeneratedArticle = Generated & {
  slug: string;
  url: string;
  title: string;
  dek: string;
  date: string;
  updated?: string;
  section: string;
  author: unknown;
  tags: string[];
  image?: HeroImage & { type?: string };
  draft: boolean;
  related?: string[];
  corrections?: { date: string; text: string; type?: string }[];
  readingMinutes: number;
  toc: TocEntry[];
};
type GeneratedAuthor = Generated & { id: string; name: string; role?: string; avatar?: string };
type GeneratedSection = Omit<Generated, 'body'> & {
  id: string;
  name: string;
  description: string;
  order: number;
};

/**
 * Reads contentlayer2's output one document at a time. (Its `importData()` is cached by Node's
 * module loader, so in watch mode it kept returning the first build; and it loads every body.)
 */
function* documents<T>(root: string, type: string): Generator<T> {
  const dir = path.join(root, '.contentlayer', 'generated', type);
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return;
  }
  for (const file of files.sort()) {
    if (file.startsWith('_') || !file.endsWith('.json')) continue;
    yield JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
  }
}

function articleMeta(a: GeneratedArticle): ArticleMeta {
  const { type: _type, ...image } = a.image ?? {};
  return {
    slug: a.slug,
    section: a.section,
    url: a.url,
    title: a.title,
    dek: a.dek,
    date: a.date,
    ...(a.updated ? { updated: a.updated } : {}),
    authorIds: authorIds(a.author) ?? [],
    tags: a.tags,
    ...(a.image ? { image: image as HeroImage } : {}),
    draft: a.draft,
    corrections: (a.corrections ?? [])
      .map(({ date, text }) => ({ date, text }))
      .sort((x, y) => x.date.localeCompare(y.date)),
    related: [],
    readingMinutes: a.readingMinutes,
    toc: a.toc,
    sourcePath: a._raw.sourceFilePath,
  };
}

/**
 * Checks the references between documents and writes the index the site reads. Returns the
 * problems found; nothing is written when there are any.
 */
export function buildContentIndex(root: string): ContentProblem[] {
  const sections: SectionMeta[] = [];
  for (const s of documents<GeneratedSection>(root, 'Section')) {
    sections.push({
      id: s.id,
      name: s.name,
      description: s.description,
      order: s.order,
      url: `/${s.id}`,
    });
  }
  const authors: AuthorMeta[] = [];
  for (const a of documents<GeneratedAuthor>(root, 'Author')) {
    authors.push({
      id: a.id,
      name: a.name,
      ...(a.role ? { role: a.role } : {}),
      ...(a.avatar ? { avatar: a.avatar } : {}),
      url: `/authors/${a.id}`,
      bioCode: a.body.code,
    });
  }
  const articles: ArticleMeta[] = [];
  const refs: Parameters<typeof validateReferences>[0] = [];
  const bodies = new Map<string, string>();
  const rankable: RelatedInput[] = [];
  const search = new MiniSearch<SearchDoc>(SEARCH_INDEX_OPTIONS);
  let searchMs = 0;
  const started = performance.now();
  const now = Date.now();
  for (const a of documents<GeneratedArticle>(root, 'Article')) {
    const visible = isPublished(a, now);
    articles.push(articleMeta(a));
    refs.push({
      sourcePath: a._raw.sourceFilePath,
      slug: a.slug,
      section: a.section,
      author: a.author,
      related: a.related ?? [],
    });
    bodies.set(a.slug, a.body.code);
    const text = plainText(a.body.raw);
    rankable.push({
      slug: a.slug,
      section: a.section,
      tags: a.tags,
      date: a.date,
      text: `${a.title} ${a.dek} ${text}`,
      picks: a.related ?? [],
      draft: !visible,
    });
    // A duplicate slug is reported by validateReferences below; the index takes the first.
    if (visible && !search.has(a.slug)) {
      const t = performance.now();
      search.add({
        id: a.slug,
        title: a.title,
        dek: a.dek,
        text,
        tags: a.tags.join(' '),
        section: a.section,
        excerpt: text.slice(0, EXCERPT_LENGTH),
      });
      searchMs += performance.now() - t;
    }
  }

  const problems = validateReferences(
    refs,
    sections.map((s) => s.id),
    authors.map((a) => a.id),
  );
  if (problems.length > 0) return problems;

  const relatedStart = performance.now();
  const related = rankRelated(rankable, { limit: siteConfig.relatedCount });
  for (const article of articles) article.related = related.get(article.slug) ?? [];
  const relatedMs = performance.now() - relatedStart;
  writeContentIndex(root, { articles, authors, sections }, bodies);
  const t = performance.now();
  writeFileSync(path.join(root, INDEX_DIR, 'search.json'), JSON.stringify(search));
  searchMs += performance.now() - t;
  // Operators watching an archive grow want to see which part of the build is growing.
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `content index: ${articles.length} articles in ${s(performance.now() - started)} (related ${s(relatedMs)}, search index ${s(searchMs)})`,
  );
  return problems;
}
