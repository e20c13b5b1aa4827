import 'server-only';
import { readFileSync } from 'node:fs';
import { cache } from 'react';
import { bodyFile, VERSION_FILES } from '../store/layout';
import { versionedFile } from '../store/read';
import { siteConfig } from '../../site';
import { byNewest, bySectionOrder, isPublished, stickyFirst } from './sort';
import { tagName, tagSlug } from './tags';
import type { AdsConfig } from '../../ads/schema';
import type {
  ArticleMeta,
  AuthorMeta,
  ContentIndex,
  Correction,
  PageMeta,
  SectionMeta,
} from '../schema/types';

export type TagSummary = { slug: string; name: string; count: number };

export type ContentStore = {
  /** The content version this is, and the moment it next changes by itself. */
  version: string;
  validUntil: number;
  articles: ArticleMeta[];
  bySlug: Map<string, ArticleMeta>;
  /** Drafts and scheduled articles too, for editors' previews only. */
  everything: Map<string, ArticleMeta>;
  tags: Map<string, TagSummary>;
  /** Published articles per tag slug, newest first: tag pages and the sitemap read it often. */
  byTag: Map<string, ArticleMeta[]>;
  authors: Map<string, AuthorMeta>;
  sections: SectionMeta[];
  /** The newsroom's own pages by path (`about/team`); drafts only in `everyPage`, for previews. */
  pages: Map<string, PageMeta>;
  everyPage: Map<string, PageMeta>;
  ads: AdsConfig | undefined;
};

const currentIndex = versionedFile(VERSION_FILES.index, (text) => JSON.parse(text) as ContentIndex);

/** What readers see of one version at one moment: scheduled articles join when their time comes. */
export function deriveStore(version: string, index: ContentIndex, now: number): ContentStore {
  const articles = index.articles.filter((a) => isPublished(a, now)).sort(byNewest);
  const validUntil = index.articles.reduce((soonest, a) => {
    const at = Date.parse(a.date);
    return !a.draft && at > now && at < soonest ? at : soonest;
  }, Infinity);
  const tags = new Map<string, TagSummary>();
  const byTag = new Map<string, ArticleMeta[]>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const raw of article.tags) {
      const tag = tagSlug(raw);
      if (seen.has(tag)) continue;
      seen.add(tag);
      const summary = tags.get(tag);
      if (summary) summary.count += 1;
      else tags.set(tag, { slug: tag, name: tagName(raw), count: 1 });
      const list = byTag.get(tag);
      if (list) list.push(article);
      else byTag.set(tag, [article]);
    }
  }
  return {
    version,
    validUntil,
    articles,
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    everything: new Map(index.articles.map((a) => [a.slug, a])),
    tags,
    byTag,
    authors: new Map(index.authors.map((a) => [a.id, a])),
    sections: [...index.sections].sort(bySectionOrder),
    pages: new Map((index.pages ?? []).filter((p) => !p.draft).map((p) => [p.id, p])),
    everyPage: new Map((index.pages ?? []).map((p) => [p.id, p])),
    ads: index.ads,
  };
}

let derived: ContentStore | undefined;

/**
 * The content readers see now: the current version (a publish switches it at the next call),
 * with the articles whose time has come. Throws only before the first content build.
 */
export function contentNow(now = Date.now()): ContentStore {
  const index = currentIndex();
  if (!index) throw new Error('No content version yet. Run `npm run content` first.');
  if (!derived || derived.version !== index.id || now >= derived.validUntil) {
    derived = deriveStore(index.id, index.value, now);
  }
  return derived;
}

/**
 * One version for the whole of a page: a publish landing while a page renders must not give
 * it a front half from one version and a back half from the next. React's cache lasts one
 * server render; outside one (route handlers, tests) each call looks again.
 */
const load = cache(() => contentNow());

/**
 * The article at /<section>/<slug>; a slug under the wrong section is not it. Drafts and
 * scheduled articles only in preview (Next's draft mode, turned on by /api/preview).
 */
export function getArticle(
  section: string,
  slug: string,
  { preview = false } = {},
): ArticleMeta | undefined {
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

/** The compiled MDX of an article, read on its own so no page holds every body. */
export function getArticleBody(article: Pick<ArticleMeta, 'body'>): string {
  return (JSON.parse(readFileSync(bodyFile(article.body), 'utf8')) as { code: string }).code;
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
export function listArticles({
  section,
  author,
  tag,
  limit,
  exclude,
}: ListOptions = {}): ArticleMeta[] {
  const skip = new Set(exclude);
  const store = load();
  const pool = tag === undefined ? store.articles : (store.byTag.get(tag) ?? []);
  const matches = pool.filter(
    (a) =>
      (section === undefined || a.section === section) &&
      (author === undefined || a.authorIds.includes(author)) &&
      !skip.has(a.slug),
  );
  return limit === undefined ? matches : matches.slice(0, limit);
}

/** The front page's stories: sticky ones first, then the newest. */
export function listFrontPage(limit: number): ArticleMeta[] {
  return stickyFirst(load().articles, limit);
}

export type CorrectionEntry = Correction & { article: ArticleMeta };

/** Every correction on the site, newest first. */
export function listCorrections(): CorrectionEntry[] {
  return load()
    .articles.flatMap((article) => article.corrections.map((c) => ({ ...c, article })))
    .sort((a, b) => b.date.localeCompare(a.date) || a.article.slug.localeCompare(b.article.slug));
}

/** "You may also like": the ranked picks that are published now, as many as a page shows. */
export function getRelated(article: ArticleMeta, limit = siteConfig.relatedCount): ArticleMeta[] {
  const { bySlug } = load();
  return article.related.flatMap((slug) => bySlug.get(slug) ?? []).slice(0, limit);
}

/** Every tag in use, most used first. */
export function listTags(): TagSummary[] {
  return [...load().tags.values()].sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name),
  );
}

export function getTag(slug: string): TagSummary | undefined {
  return load().tags.get(slug);
}

export function getSections(): SectionMeta[] {
  return load().sections;
}

/** Section names by id, for cards that label a story with its section. */
export function getSectionNames(): Map<string, string> {
  return new Map(load().sections.map((s) => [s.id, s.name]));
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

/**
 * A page of the newsroom's own (content/pages/) by its path: `support`, `about/team`. Drafts
 * only in preview, as for articles.
 */
export function getPage(id: string, { preview = false } = {}): PageMeta | undefined {
  const store = load();
  return (preview ? store.everyPage : store.pages).get(id);
}

/** The published pages, by path: the sitemap lists them. */
export function listPages(): PageMeta[] {
  return [...load().pages.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** content/ads.yaml as the current version has it; undefined when there is none. */
export function getAdsConfig(): AdsConfig | undefined {
  return load().ads;
}
