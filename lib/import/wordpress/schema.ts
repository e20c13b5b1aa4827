import { z } from 'zod';
import { WXR_LIMITS as L } from './limits';

/**
 * What a WXR record must be to be imported. Strings arrive exactly as the file holds them
 * (WordPress's parsers unslash nothing, so `aren\'t` stays `aren\'t`); one-line tokens lose
 * the XML whitespace around them, prose keeps every character. Missing fields take
 * wp_insert_post's defaults, as WordPress's importer gives them.
 */
const XML_SPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

const bare = (value: string) => value.replace(XML_SPACE, '');

const sized = (max: number) => z.string().max(max, `is longer than ${max} characters`);

/** A one-line token (slug, login, status…), missing read as ''. */
const token = (max: number = L.token) => sized(max).default('').transform(bare);

/** Prose kept verbatim, missing read as ''. */
const prose = (max: number) => sized(max).default('');

const ID = /^\d{1,15}$/;
const WHOLE_NUMBER = /^-?\d{1,15}$/;
const WP_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** What WordPress writes for a date a draft does not have yet. */
const NO_DATE = '0000-00-00 00:00:00';

/** A WordPress id: required, a whole number. */
const id = token()
  .refine((value) => value !== '', 'is missing')
  .refine((value) => value === '' || ID.test(value), 'is not an id')
  .transform(Number);

/** An id that may be missing or empty (WXR 1.0 categories have none). */
const optionalId = token()
  .refine((value) => value === '' || ID.test(value), 'is not an id')
  .transform((value) => (value === '' ? null : Number(value)));

const integer = (fallback: number) =>
  token()
    .refine((value) => value === '' || WHOLE_NUMBER.test(value), 'is not a whole number')
    .transform((value) => (value === '' ? fallback : Number(value)));

/** WordPress's `Y-m-d H:i:s`, or null when the file has none. */
const wpDate = token()
  .refine(
    (value) => value === '' || value === NO_DATE || WP_DATE.test(value),
    'is not a WordPress date',
  )
  .transform((value) => (value === '' || value === NO_DATE ? null : value));

const required = (field: z.ZodType<string>) => field.pipe(z.string().min(1, 'is missing or empty'));

export const metaSchema = z.object({
  key: sized(L.line).default(''),
  value: prose(L.metaValue),
});

const metaList = z
  .array(metaSchema)
  .max(L.metaPerRecord, `more than ${L.metaPerRecord} meta fields`);

export const authorSchema = z.object({
  id: optionalId,
  login: required(token(L.line)),
  email: token(L.line),
  displayName: prose(L.line),
  firstName: prose(L.line),
  lastName: prose(L.line),
});

export const categorySchema = z.object({
  termId: optionalId,
  nicename: required(token()),
  /** The parent's nicename, not its id: that is how WXR links them. */
  parent: token().transform((value) => value || null),
  name: prose(L.line),
  description: prose(L.text),
  meta: metaList,
});

export const tagSchema = z.object({
  termId: optionalId,
  slug: required(token()),
  name: prose(L.line),
  description: prose(L.text),
  meta: metaList,
});

export const termSchema = z.object({
  termId: optionalId,
  taxonomy: required(token()),
  slug: required(token()),
  parent: token().transform((value) => value || null),
  name: prose(L.line),
  description: prose(L.text),
  meta: metaList,
});

/** WordPress's comment_approved values; 'post-trashed' marks comments of a trashed post. */
export const COMMENT_APPROVAL = ['1', '0', 'spam', 'trash', 'post-trashed'] as const;

export const commentSchema = z.object({
  id,
  author: prose(L.line),
  authorEmail: token(L.line),
  authorUrl: token(L.line),
  authorIp: token(),
  date: wpDate,
  dateGmt: wpDate,
  content: prose(L.text),
  /** Missing reads as '0', held for moderation: an export that does not say is not approval. */
  approved: token()
    .transform((value) => value || '0')
    .pipe(z.enum(COMMENT_APPROVAL, 'is not 1, 0, spam, trash or post-trashed')),
  /** '' in the file is an ordinary comment; pingback and trackback are the others WordPress writes. */
  type: token().transform((value) => value || 'comment'),
  /** 0 when the comment starts a thread. */
  parent: integer(0),
  userId: integer(0),
  meta: metaList,
});

export const itemCategorySchema = z.object({
  /** 'category', 'post_tag' (WXR 1.0's 'tag' is read as post_tag, as the importer does), … */
  domain: required(token()).transform((value) => (value === 'tag' ? 'post_tag' : value)),
  nicename: token(),
  name: prose(L.line),
});

export const itemSchema = z.object({
  title: prose(L.line),
  link: token(L.line),
  pubDate: token(),
  creator: token(L.line),
  guid: token(L.line),
  /** RSS reads a guid without the attribute as a permalink; WordPress always writes "false". */
  guidIsPermaLink: z.boolean(),
  description: prose(L.text),
  content: prose(L.body),
  excerpt: prose(L.text),
  postId: id,
  postDate: wpDate,
  postDateGmt: wpDate,
  /** Written by WordPress 6.3 and later only. */
  postModified: wpDate,
  postModifiedGmt: wpDate,
  commentStatus: token(),
  pingStatus: token(),
  postName: token(L.line),
  status: token().transform((value) => value || 'draft'),
  postParent: integer(0),
  menuOrder: integer(0),
  postType: token().transform((value) => value || 'post'),
  postPassword: prose(L.line),
  isSticky: token().transform((value) => value === '1'),
  attachmentUrl: token(L.line).transform((value) => value || null),
  categories: z
    .array(itemCategorySchema)
    .max(L.termsPerItem, `more than ${L.termsPerItem} categories and tags`),
  meta: metaList,
});

export type WxrMeta = z.output<typeof metaSchema>;
export type WxrAuthor = z.output<typeof authorSchema>;
export type WxrCategory = z.output<typeof categorySchema>;
export type WxrTag = z.output<typeof tagSchema>;
export type WxrTerm = z.output<typeof termSchema>;
export type WxrComment = z.output<typeof commentSchema>;
export type WxrItemCategory = z.output<typeof itemCategorySchema>;
export type WxrItem = z.output<typeof itemSchema> & {
  comments: WxrComment[];
  /** Comments the reader could not take, each with its id (when it has one) and why. */
  rejectedComments: { id: string; reason: string }[];
};

export const siteSchema = z.object({
  title: prose(L.line),
  link: token(L.line),
  description: prose(L.line),
  language: token(),
  wxrVersion: token().pipe(z.string().regex(/^\d+\.\d+$/)),
  baseSiteUrl: token(L.line),
  baseBlogUrl: token(L.line),
});

export type WxrSite = z.output<typeof siteSchema>;

/** "postId is not an id", from zod's first complaint. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is not valid';
  const path = issue.path.map(String).join('.');
  return path ? `${path} ${issue.message}` : issue.message;
}
