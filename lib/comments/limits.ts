/**
 * Limits the form shows and the server enforces. Kept free of imports: the comment form is a
 * client island, and anything imported here ships to every reader.
 */
export const LIMITS = {
  name: 80,
  /** RFC 5321's longest deliverable address. */
  email: 254,
  commentMin: 2,
  commentMax: 5000,
  website: 200,
} as const;

/** A field people never see; anything in it was typed by a bot. */
export const HONEYPOT_FIELD = 'address';

/** The returning-commenter cookie (lib/comments/commenter.ts signs and checks its value). */
export const COMMENTER_COOKIE = 'masthead_commenter';
export const COMMENTER_MAX_AGE_S = 365 * 24 * 60 * 60;

/** Where the article page's comments section says what became of a post made without JavaScript. */
export const POSTED_ANCHOR = { held: 'comment-held', published: 'comment-published' } as const;
