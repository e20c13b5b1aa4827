import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** One row per comment. Dates are ISO 8601 strings in both dialects, so they sort as text. */
export type CommentsTable = {
  id: Generated<number>;
  article_slug: string;
  parent_id: number | null;
  author_name: string;
  /** Lower-cased. Never selected by anything that renders. */
  author_email: string;
  author_url: string | null;
  body: string;
  status: CommentStatus;
  /** Why the filters held it, for moderators: "3 links", "akismet: spam", … */
  held_reason: string | null;
  /** Salted hash of the truncated address; the address itself is never stored. */
  ip_hash: string;
  created_at: ColumnType<string, string, never>;
};

export type Database = { comments: CommentsTable };
export type CommentRow = Selectable<CommentsTable>;
export type NewComment = Insertable<CommentsTable>;

/** What readers may see of a comment. No email, no address hash. */
export type PublicComment = {
  id: number;
  parentId: number | null;
  name: string;
  url: string | null;
  body: string;
  createdAt: string;
};

/** A top-level comment with its replies (one level, as on the page). */
export type CommentThread = PublicComment & { replies: PublicComment[] };
