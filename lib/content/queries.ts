import 'server-only';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { byNewest, bySectionOrder, isPublished } from './sort';
import { tagName, tagSlug } from './tags';
import type { ArticleMeta, AuthorMeta, ContentIndex, Correction, SectionMeta } from './types';

export type TagSummary = { slug: string; name: string; count: number };

type Store = {
  articles: ArticleMeta[];
  bySlug: Map<string, ArticleMeta>;
  /** Drafts and scheduled articles too, for editors' previews only. */
  everything: Map<string, ArticleMeta>;
  tags: Map<string, TagSummary>;
  authors: Map<string, AuthorMeta>;
  sections: SectionMeta[];
};

// Spelled out (not INDEX_DIR) so Next's file tracing sees a fixed folder, not the whole project.
const indexDir = () => path.join(process.cwd(), '.contentlayer', 'masthead');
let cached: { mtimeMs: number; store: Store } | undefined;

function load(): Store {
  const file = path.join(indexDir(), 'index.json');
  // In development contentlayer2 rewrites the index on every save; re-read when it changes.
  const mtimeMs = process.env.NODE_ENV === 'production' && cached ? cached.mtimeMs : mtime(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.store;
  const index = JSON.parse(readFileSync(file, 'utf8')) as ContentIndex;
  // Scheduled articles appear with the first build (or, in development, the first reload) after their date.
  const now = Date.now();
  const articles = index.articles.filter((a) => isPublished(a, now)).sort(byNewest);
  const tags = new Map<string, TagSummary>();
  for (const article of articles) {
    for (const tag of new Set(article.tags.map(tagSlug))) {
      const summary = tags.get(tag);
      if (summary) summary.count += 1;
      else tags.set(tag, { slug: tag, name: tagName(article.tags.find((t) => tagSlug(t) === tag) ?? tag), count: 1 });
    }
  }
  const store: Store = {
    articles,
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    everything: new Map(index.articles.map((a) => [a.slug, a])),
    tags,
    authors: new Map(index.authors.map((a) => [a.id, a])),
    sections: [...index.sections].sort(bySectionOrder),
  };
  cached = { mtimeMs, store };
  return store;
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    throw new Error(`No content index at ${file}. Run \`npm run content\` (contentlayer2 build) first.`);
  }
}

/**
 * The article at /<section>/<slug>; a slug under the wrong section is not it. Drafts and
 * scheduled articles only in preview (Next's draft mode, turned on by /api/preview).
 */
export function getArticle(section: string, slug: string, { preview = false } = {}): ArticleMeta | undefined {
  const store = load();
  const article = (preview ? store.everything : store.bySlug).get(slug);
  return article?.section === section ? article : undefined;
}

/** A published article by its slug alone (slugs are unique across sections). */
export function getArticleBySlug(slug: string): ArticleMeta | undefined {
  return load().bySlug.get(slug);
}

/** Titles and links by slug, for pages that mention articles they do not show. */
export function listArticleTitles(): Map<string, { title: string; url: string }> {
  return new Map(load().articles.map((a) => [a.slug, { title: a.title, url: a.url }]));
}

/** The compiled MDX of one article, read on its own so no page holds every body. */
export function getArticleBody(slug: string): string {
  const file = path.join(indexDir(), 'bodies', `${slug}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { code: string }).code;
}

type ListOptions = {
  section?: string;
  author?: string;
  /** A tag slug. */
  tag?: string;
  limit?: number;
  exclude?: string[];
};

/** Published articles, newest first. */
export function listArticles({ section, author, tag, limit, exclude }: ListOptions = {}): ArticleMeta[] {
  const skip = new Set(exclude);
  const matches = load().articles.filter(
    (a) =>
      (section === undefined || a.section === section) &&
      (author === undefined || a.authorIds.includes(author)) &&
      (tag === undefined || a.tags.some((t) => tagSlug(t) === tag)) &&
      !skip.has(a.slug),
  );
  return limit === undefined ? matches : matches.slice(0, limit);
}

export type CorrectionEntry = Correction & { article: ArticleMeta };

/** Every correction on the site, newest first. */
export function listCorrections(): CorrectionEntry[] {
  return load()
    .articles.flatMap((article) => article.corrections.map((c) => ({ ...c, article })))
    .sort((a, b) => b.date.localeCompare(a.date) || a.article.slug.localeCompare(b.article.slug));
}

/** "You may also like": the ranked picks that are still published. */
export function getRelated(article: ArticleMeta): ArticleMeta[] {
  const { bySlug } = load();
  return article.related.flatMap((slug) => bySlug.get(slug) ?? []);
}

/** Every tag in use, most used first. */
export function listTags(): TagSummary[] {
  return [...load().tags.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function getTag(slug: string): TagSummary | undefined {
  return load().tags.get(slug);
}

export function getSections(): SectionMeta[] {
  return load().sections;
}

export function getSection(id: string): SectionMeta | undefined {
  return load().sections.find((s) => s.id === id);
}

export function getAuthor(id: string): AuthorMeta | undefined {
  return load().authors.get(id);
}

export function getAuthors(ids: string[]): AuthorMeta[] {
  const { authors } = load();
  return ids.flatMap((id) => authors.get(id) ?? []);
}

export function listAuthors(): AuthorMeta[] {
  return [...load().authors.values()].sort((a, b) => a.name.localeCompare(b.name));
}
