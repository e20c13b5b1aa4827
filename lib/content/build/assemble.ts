import type {
  ArticleFrontmatter,
  AuthorFrontmatter,
  PageFrontmatter,
  SectionFrontmatter,
} from '../schema/frontmatter';
import { liveBlogOf } from '../live/live-blog';
import type { UpdateBlock } from '../mdx/live-entries';
import type { TocEntry } from '../mdx/toc';
import type { ArticleMeta, AuthorMeta, PageMeta, SectionMeta } from '../schema/types';

/** Dates as one form everywhere the site compares or prints them: 2026-03-01T00:00:00.000Z. */
const iso = (date: string) => new Date(date).toISOString();

/** An article as the site lists it, from its checked frontmatter and what the build worked out. */
export function articleMeta(
  slug: string,
  file: string,
  fm: ArticleFrontmatter,
  built: {
    toc: TocEntry[];
    readingMinutes: number;
    body: string;
    related: string[];
    updates: UpdateBlock[];
  },
): ArticleMeta {
  const liveBlog = liveBlogOf(fm, built.updates);
  return {
    slug,
    section: fm.section,
    url: `/${fm.section}/${slug}`,
    title: fm.title,
    dek: fm.dek,
    date: iso(fm.date),
    ...(fm.updated ? { updated: iso(fm.updated) } : {}),
    authorIds: fm.author,
    tags: fm.tags,
    ...(fm.image ? { image: fm.image } : {}),
    draft: fm.draft,
    corrections: fm.corrections
      .map((c) => ({ date: iso(c.date), text: c.text }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    related: built.related,
    readingMinutes: built.readingMinutes,
    toc: built.toc,
    sourcePath: file,
    body: built.body,
    ...(fm.ads ? {} : { ads: false as const }),
    ...(fm.guid === undefined ? {} : { guid: fm.guid }),
    ...(fm.sticky ? { sticky: true as const } : {}),
    ...(liveBlog ? { liveBlog } : {}),
  };
}

export function authorMeta(id: string, fm: AuthorFrontmatter, bioCode: string): AuthorMeta {
  return {
    id,
    name: fm.name,
    ...(fm.role ? { role: fm.role } : {}),
    ...(fm.avatar ? { avatar: fm.avatar } : {}),
    url: `/authors/${id}`,
    bioCode,
  };
}

export function sectionMeta(id: string, fm: SectionFrontmatter): SectionMeta {
  return { id, name: fm.name, description: fm.description, order: fm.order, url: `/${id}` };
}

/** A page at its path under content/pages/: `about/team` is /about/team. */
export function pageMeta(id: string, fm: PageFrontmatter, code: string): PageMeta {
  return {
    id,
    title: fm.title,
    description: fm.description,
    draft: fm.draft,
    url: `/${id}`,
    code,
  };
}
