/**
 * Bounds on everything an export can hand the reader. A WordPress export is written by a
 * site we do not control, so each string and each count has a ceiling: generous enough for
 * any real newsroom (a 200,000-word feature, a post with thousands of comments), small
 * enough that one hostile item cannot take the importer's memory.
 */
const MiB = 1024 * 1024;

export const WXR_LIMITS = {
  /** Ids, slugs, logins, statuses, types, dates: one-line tokens. */
  token: 2_000,
  /** Titles, names, e-mail and web addresses, meta keys. */
  line: 20_000,
  /** A post body (`content:encoded`): WordPress stores it in a LONGTEXT. */
  body: 32 * MiB,
  /** An excerpt, a description, a comment's text. */
  text: 1 * MiB,
  /** One meta value (`_wp_attachment_metadata` holds a serialized array). */
  metaValue: 4 * MiB,
  commentsPerItem: 50_000,
  termsPerItem: 10_000,
  metaPerRecord: 10_000,
  /** Characters a single record (one item with all its comments) may hold in total. */
  recordChars: 96 * MiB,
  /** Elements a single record may hold: each costs memory however short its text. */
  recordElements: 1_000_000,
  /** Characters the parser may buffer between two events (one text node, one tag). */
  pendingChars: 96 * MiB,
  /** WXR is five levels deep; anything far deeper is an attack on the stack. */
  depth: 64,
} as const;
