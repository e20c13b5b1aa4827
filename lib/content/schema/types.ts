import type { AdsConfig } from '../../ads/schema';
import type {
  ArticleFrontmatter,
  AuthorFrontmatter,
  Correction,
  HeroImage,
  PageFrontmatter,
  SectionFrontmatter,
} from './frontmatter';
import type { TocEntry } from '../mdx/toc';

export type { Correction, HeroImage };

/** One entry of a live story, as the index keeps it (docs/decisions/030). */
export type LiveEntry = {
  /** Its address on the page, from its time: `update-20261207t0930z`. */
  id: string;
  time: string;
  title?: string;
  keyEvent?: true;
  pinned?: true;
  /** Its words, kept for the newest entries only (lib/content/mdx/live-entries.ts). */
  text?: string;
  /** Its HTML as the page renders it, for the newest entries only: what the live endpoint sends. */
  html?: string;
};

/** What makes an article a live story: its entries, and when coverage ended. */
export type LiveBlog = {
  /** `liveEnded`; absent while the event runs, which is when the story is marked Live. */
  ended?: string;
  /** Every entry, newest first. */
  entries: LiveEntry[];
};

/**
 * What listings need of an article: its frontmatter as the schema (lib/content/schema/frontmatter.ts)
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
  /** `ads: false` in its frontmatter: no advertising in or beside this story. */
  ads?: false;
  /** The id feeds give it instead of its address: the old site's GUID, for a moved archive. */
  guid?: string;
  /** `sticky: true`: first on the front page, whatever its date. */
  sticky?: true;
  /** A live story's entries (`live: true`, or `liveEnded:` once over). */
  liveBlog?: LiveBlog;
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

export type PageMeta = PageFrontmatter & {
  /** Its path under content/pages/, without `.mdx`: `support`, `about/team`. */
  id: string;
  url: string;
  /** Compiled MDX; pages are few, so they travel with the index like bios. */
  code: string;
};

export type ContentIndex = {
  articles: ArticleMeta[];
  authors: AuthorMeta[];
  sections: SectionMeta[];
  /** Absent in versions written before pages existed. */
  pages?: PageMeta[];
  /** content/ads.yaml as checked; absent when the newsroom runs no advertising. */
  ads?: AdsConfig;
};

/** One step of a breadcrumb trail: Home » Section » Headline. */
export type Crumb = { name: string; href: string };
