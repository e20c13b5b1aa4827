import { pagePathProblem } from '@/lib/content/build/page-paths';
import type { WxrAuthor } from '../schema';
import type { Collected, ItemSummary } from './collect';
import type { PreviousIds } from './manifest';
import { planPages, type PagePlan } from './plan-pages';
import { slugify, uniqueSlug } from './slug';
import { dispositionOf, type Disposition } from './status';
import { planSections, topCategory, UNCATEGORIZED, type SectionPlan } from './taxonomy';
import { cleanLine } from './text';

export type AuthorPlan = { id: string; name: string; write: boolean };
export type PostPlan = {
  slug: string;
  /** The section's id. */
  section: string;
  /** Its address on this site: /<section>/<slug>. */
  url: string;
  disposition: Disposition;
  /** Why it did not get the slug WordPress gave it, for the report. */
  renamed: string | null;
};
export type PageItemPlan = PagePlan & { url: string; disposition: Disposition };

/** What content/ holds now, beyond what the last import wrote. */
export type Existing = {
  /** Article slugs (file names) in content/articles/, any folder. */
  articles: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  authors: ReadonlySet<string>;
  /** Page paths (content/pages/<path>.mdx). */
  pages: ReadonlySet<string>;
  /** Whether a file (content/…) is one the last import wrote. */
  isOurs: (file: string) => boolean;
};

export type Plan = {
  sections: Map<string, SectionPlan>;
  authors: Map<string, AuthorPlan>;
  posts: Map<number, PostPlan>;
  pages: Map<number, PageItemPlan>;
  /** Posts and pages not imported, by why. */
  skipped: Map<string, ItemSummary[]>;
};

/** The author of posts the export names nobody for. */
export const NOBODY = '';

function authorName(author: WxrAuthor | undefined, login: string, siteTitle: string): string {
  if (!author) return cleanLine(login, 200) || cleanLine(siteTitle, 200) || 'Newsroom';
  const full = cleanLine(`${author.firstName} ${author.lastName}`, 200);
  return cleanLine(author.displayName, 200) || full || cleanLine(author.login, 200) || 'Newsroom';
}

function planAuthors(
  collected: Collected,
  logins: ReadonlySet<string>,
  previous: Readonly<Record<string, string>>,
  existing: Existing,
): Map<string, AuthorPlan> {
  const authors = new Map<string, AuthorPlan>();
  const given = new Set(Object.values(previous));
  for (const login of [...logins].sort()) {
    const record = collected.authors.get(login);
    const name = authorName(record, login, collected.site.title);
    let id = previous[login];
    if (id === undefined) {
      const base = slugify(login) || slugify(name) || 'newsroom';
      id = uniqueSlug(base, (candidate) => given.has(candidate));
      given.add(id);
    }
    const write = !existing.authors.has(id) || existing.isOurs(`content/authors/${id}.mdx`);
    authors.set(login, { id, name, write });
  }
  return authors;
}

/**
 * The whole import decided before a file is written: each post's slug and section, each
 * page's path, the sections and authors to create. Slugs and paths the last import gave are
 * kept (an address once published does not move); new ones that collide with the newsroom's
 * own articles or pages get a suffix, reported.
 */
export function makePlan(collected: Collected, previous: PreviousIds, existing: Existing): Plan {
  const skipped = new Map<string, ItemSummary[]>();
  const imported: { item: ItemSummary; disposition: Disposition }[] = [];
  for (const item of collected.items) {
    const disposition = dispositionOf({
      status: item.status,
      postPassword: item.password ? '*' : '',
    });
    if (disposition.kind === 'skipped') {
      skipped.set(disposition.counted, [...(skipped.get(disposition.counted) ?? []), item]);
    } else imported.push({ item, disposition });
  }
  const posts = imported.filter(({ item }) => item.type === 'post');
  const pages = imported.filter(({ item }) => item.type === 'page');

  const sectionOf = (item: ItemSummary) =>
    item.category ? topCategory(item.category.nicename, collected.categories) : UNCATEGORIZED;
  const sections = planSections(
    new Set(posts.map(({ item }) => sectionOf(item))),
    collected.categories,
    previous.sections,
    {
      has: (id) => existing.sections.has(id),
      isOurs: (id) => existing.isOurs(`content/sections/${id}.yaml`),
    },
  );
  const authors = planAuthors(
    collected,
    new Set(imported.map(({ item }) => item.creator || NOBODY)),
    previous.authors,
    existing,
  );

  const postPlans = new Map<number, PostPlan>();
  const given = new Set<string>();
  // Slugs the last import gave to posts this export still has are theirs, whatever comes first.
  const ids = new Set(collected.items.map((item) => String(item.id)));
  const ownSlug = new Map(Object.entries(previous.posts));
  for (const [id, slug] of ownSlug) if (ids.has(id)) given.add(slug);
  for (const { item, disposition } of posts) {
    const section = sections.get(sectionOf(item))?.id ?? UNCATEGORIZED;
    let slug = ownSlug.get(String(item.id));
    let renamed: string | null = null;
    if (slug === undefined) {
      const base = slugify(item.name) || slugify(item.title) || `post-${item.id}`;
      slug = uniqueSlug(
        base,
        (candidate) => given.has(candidate) || existing.articles.has(candidate),
      );
      if (slug !== base) {
        renamed = existing.articles.has(base)
          ? `its slug "${base}" is taken by an article the newsroom has: imported as "${slug}"`
          : `another post in the export has the slug "${base}": imported as "${slug}"`;
      }
    }
    given.add(slug);
    postPlans.set(item.id, { slug, section, url: `/${section}/${slug}`, disposition, renamed });
  }

  const allSections = new Set([
    ...existing.sections,
    ...[...sections.values()].map((section) => section.id),
  ]);
  const pagePaths = planPages(
    pages.map(({ item }) => item),
    previous.pages,
    {
      taken: (path) => existing.pages.has(path),
      // The content check's own rule (lib/content/build/page-paths.ts), so the two agree.
      problem: (path) => pagePathProblem(path, allSections) !== undefined,
    },
  );
  const pagePlans = new Map<number, PageItemPlan>();
  for (const { item, disposition } of pages) {
    const plan = pagePaths.get(item.id);
    if (plan) pagePlans.set(item.id, { ...plan, url: `/${plan.path}`, disposition });
  }
  return { sections, authors, posts: postPlans, pages: pagePlans, skipped };
}
