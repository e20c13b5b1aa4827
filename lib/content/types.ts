import type { TocEntry } from './toc';

export type HeroImage = { src: string; alt: string; caption?: string; credit?: string };

export type Correction = { date: string; text: string };

/** What listings need of an article: everything but the compiled body. */
export type ArticleMeta = {
  slug: string;
  section: string;
  url: string;
  title: string;
  dek: string;
  date: string;
  updated?: string;
  authorIds: string[];
  tags: string[];
  image?: HeroImage;
  draft: boolean;
  /** Oldest first, as the newsroom made them. */
  corrections: Correction[];
  /** "You may also like": slugs ranked at build time, editor's picks first. */
  related: string[];
  readingMinutes: number;
  toc: TocEntry[];
  /** Path under content/, for error messages. */
  sourcePath: string;
};

export type AuthorMeta = {
  id: string;
  name: string;
  role?: string;
  avatar?: string;
  url: string;
  /** Compiled MDX of the bio; authors are few, so bios travel with the index. */
  bioCode: string;
};

export type SectionMeta = {
  id: string;
  name: string;
  description: string;
  order: number;
  url: string;
};

export type ContentIndex = {
  articles: ArticleMeta[];
  authors: AuthorMeta[];
  sections: SectionMeta[];
};

export type ContentProblem = { file: string; field: string; message: string };

/** One step of a breadcrumb trail: Home » Section » Headline. */
export type Crumb = { name: string; href: string };
