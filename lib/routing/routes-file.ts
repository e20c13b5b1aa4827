import { tagSlug } from '../content/listings/tags';
import { pagedEntryCount } from '../content/live/arrange';
import type { ArticleMeta, AuthorMeta, PageMeta, SectionMeta } from '../content/schema/types';

/**
 * What exists, for the proxy that refuses invented URLs before Next renders them
 * (docs/decisions/011). Written by the content build beside index.json: the proxy reads this
 * small file instead of the whole index, which holds every article's title, standfirst and
 * table of contents.
 */
export type RoutesFile = {
  sections: string[];
  authors: string[];
  /** Every article that is not a draft, with the date it goes live (scheduled ones too). */
  articles: {
    slug: string;
    section: string;
    date: string;
    tags: string[];
    authors: string[];
    /** A live story's entries that are paginated (all but the pinned one): its older pages. */
    liveEntries?: number;
  }[];
  /** Drafts, which only a previewing editor may open. */
  drafts: { slug: string; section: string }[];
  /**
   * The newsroom's own pages by path (`about`, `about/team`), and those still drafts. Absent in
   * versions written before pages had paths of their own.
   */
  pages?: string[];
  pageDrafts?: string[];
};

export const ROUTES_FILE = 'routes.json';

/** What the routes file is made of: the index, or what the content check has of it so far. */
export type RoutesSource = {
  articles: (Pick<ArticleMeta, 'slug' | 'section' | 'date' | 'tags' | 'authorIds' | 'draft'> &
    Partial<Pick<ArticleMeta, 'liveBlog'>>)[];
  sections: Pick<SectionMeta, 'id'>[];
  authors: Pick<AuthorMeta, 'id'>[];
  pages?: Pick<PageMeta, 'id' | 'draft'>[];
};

export function routesFile(index: RoutesSource): RoutesFile {
  const live = index.articles.filter((a) => !a.draft);
  return {
    sections: index.sections.map((s) => s.id),
    authors: index.authors.map((a) => a.id),
    articles: live.map((a) => ({
      slug: a.slug,
      section: a.section,
      date: a.date,
      // Slugged as the tag pages slug them, once per article.
      tags: [...new Set(a.tags.map(tagSlug))],
      authors: a.authorIds,
      ...(a.liveBlog ? { liveEntries: pagedEntryCount(a.liveBlog) } : {}),
    })),
    drafts: index.articles
      .filter((a) => a.draft)
      .map((a) => ({ slug: a.slug, section: a.section })),
    pages: (index.pages ?? []).filter((p) => !p.draft).map((p) => p.id),
    pageDrafts: (index.pages ?? []).filter((p) => p.draft).map((p) => p.id),
  };
}
