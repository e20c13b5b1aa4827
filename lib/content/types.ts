import type {
  ArticleFrontmatter,
  AuthorFrontmatter,
  Correction,
  HeroImage,
  SectionFrontmatter,
} from './schema';
import type { TocEntry } from './toc';

export type { Correction, HeroImage };

/**
 * What listings need of an article: its frontmatter as the schema (lib/content/schema.ts)
 * gives it, and what the build works out; everything but the compiled body.
 */
export type ArticleMeta = Pick<
  ArticleFrontmatter,
  'title' | 'dek' | 'date' | 'updated' | 'section' | 'tags' | 'image' | 'draft'
> & {
  slug: string;
  url: string;
  authorIds: string[];
  /** Oldest first, as the newsroom made them. */
  corrections: Correction[];
  /**
   * "You may also like": slugs ranked by the build, editor's picks first. A few more than a page
   * shows, scheduled articles among them, so the list is full whichever have gone live.
   */
  related: string[];
  readingMinutes: number;
  toc: TocEntry[];
  /** The file, as editors know it (content/articles/…), for messages. */
  sourcePath: string;
  /** The compiled body's name in the content store (lib/content/store/layout.ts). */
  body: string;
};

export type AuthorMeta = Pick<AuthorFrontmatter, 'name' | 'role' | 'avatar'> & {
  id: string;
  url: string;
  /** Compiled MDX of the bio; authors are few, so bios travel with the index. */
  bioCode: string;
};

export type SectionMeta = Pick<SectionFrontmatter, 'name' | 'description' | 'order'> & {
  id: string;
  url: string;
};

export type ContentIndex = {
  articles: ArticleMeta[];
  authors: AuthorMeta[];
  sections: SectionMeta[];
};

/** One step of a breadcrumb trail: Home » Section » Headline. */
export type Crumb = { name: string; href: string };
