import type { z } from 'zod';
import { child, children, textOf, type XmlElement } from './element';
import { WXR_LIMITS } from './limits';
import {
  authorSchema,
  categorySchema,
  commentSchema,
  firstIssue,
  itemSchema,
  tagSchema,
  termSchema,
  type WxrAuthor,
  type WxrCategory,
  type WxrComment,
  type WxrItem,
  type WxrSite,
  type WxrTag,
  type WxrTerm,
} from './schema';

/** What the reader yields, in file order: the site first, then each record as it closes. */
export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'category'; category: WxrCategory }
  | { kind: 'tag'; tag: WxrTag }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem }
  | { kind: 'rejected'; rejected: WxrRejected };

/** A record the reader could not take: what it was, where, its WordPress id and title if any. */
export interface WxrRejected {
  what: 'author' | 'category' | 'tag' | 'term' | 'item';
  line: number;
  wpId: string | null;
  title: string | null;
  reason: string;
}

const KINDS = {
  'wp:author': 'author',
  'wp:category': 'category',
  'wp:tag': 'tag',
  'wp:term': 'term',
  item: 'item',
} as const;

type RecordKey = keyof typeof KINDS;

const isRecordKey = (key: string): key is RecordKey => Object.hasOwn(KINDS, key);

function meta(element: XmlElement, key: string) {
  return children(element, key).map((entry) => ({
    key: textOf(entry, 'wp:meta_key'),
    value: textOf(entry, 'wp:meta_value'),
  }));
}

function authorInput(e: XmlElement) {
  return {
    id: textOf(e, 'wp:author_id'),
    login: textOf(e, 'wp:author_login'),
    email: textOf(e, 'wp:author_email'),
    displayName: textOf(e, 'wp:author_display_name'),
    firstName: textOf(e, 'wp:author_first_name'),
    lastName: textOf(e, 'wp:author_last_name'),
  };
}

function categoryInput(e: XmlElement) {
  return {
    termId: textOf(e, 'wp:term_id'),
    nicename: textOf(e, 'wp:category_nicename'),
    parent: textOf(e, 'wp:category_parent'),
    name: textOf(e, 'wp:cat_name'),
    description: textOf(e, 'wp:category_description'),
    meta: meta(e, 'wp:termmeta'),
  };
}

function tagInput(e: XmlElement) {
  return {
    termId: textOf(e, 'wp:term_id'),
    slug: textOf(e, 'wp:tag_slug'),
    name: textOf(e, 'wp:tag_name'),
    description: textOf(e, 'wp:tag_description'),
    meta: meta(e, 'wp:termmeta'),
  };
}

function termInput(e: XmlElement) {
  return {
    termId: textOf(e, 'wp:term_id'),
    taxonomy: textOf(e, 'wp:term_taxonomy'),
    slug: textOf(e, 'wp:term_slug'),
    parent: textOf(e, 'wp:term_parent'),
    name: textOf(e, 'wp:term_name'),
    description: textOf(e, 'wp:term_description'),
    meta: meta(e, 'wp:termmeta'),
  };
}

function commentInput(e: XmlElement) {
  return {
    id: textOf(e, 'wp:comment_id'),
    author: textOf(e, 'wp:comment_author'),
    authorEmail: textOf(e, 'wp:comment_author_email'),
    authorUrl: textOf(e, 'wp:comment_author_url'),
    authorIp: textOf(e, 'wp:comment_author_IP'),
    date: textOf(e, 'wp:comment_date'),
    dateGmt: textOf(e, 'wp:comment_date_gmt'),
    content: textOf(e, 'wp:comment_content'),
    approved: textOf(e, 'wp:comment_approved'),
    type: textOf(e, 'wp:comment_type'),
    parent: textOf(e, 'wp:comment_parent'),
    userId: textOf(e, 'wp:comment_user_id'),
    meta: meta(e, 'wp:commentmeta'),
  };
}

function itemInput(e: XmlElement) {
  const guid = child(e, 'guid');
  return {
    title: textOf(e, 'title'),
    link: textOf(e, 'link'),
    pubDate: textOf(e, 'pubDate'),
    creator: textOf(e, 'dc:creator'),
    guid: guid?.text,
    guidIsPermaLink: guid?.attributes.isPermaLink?.trim() !== 'false',
    description: textOf(e, 'description'),
    content: textOf(e, 'content:encoded'),
    excerpt: textOf(e, 'excerpt:encoded'),
    postId: textOf(e, 'wp:post_id'),
    postDate: textOf(e, 'wp:post_date'),
    postDateGmt: textOf(e, 'wp:post_date_gmt'),
    postModified: textOf(e, 'wp:post_modified'),
    postModifiedGmt: textOf(e, 'wp:post_modified_gmt'),
    commentStatus: textOf(e, 'wp:comment_status'),
    pingStatus: textOf(e, 'wp:ping_status'),
    postName: textOf(e, 'wp:post_name'),
    status: textOf(e, 'wp:status'),
    postParent: textOf(e, 'wp:post_parent'),
    menuOrder: textOf(e, 'wp:menu_order'),
    postType: textOf(e, 'wp:post_type'),
    postPassword: textOf(e, 'wp:post_password'),
    isSticky: textOf(e, 'wp:is_sticky'),
    attachmentUrl: textOf(e, 'wp:attachment_url'),
    // A <category> counts only with both a domain and a nicename, as in WordPress's XML and
    // regex parsers (its SimpleXML parser asks for the nicename alone, and the importer then
    // skips a term without a domain). WXR 1.0 writes each term twice, first as RSS's bare
    // <category> (a category) or with its domain only (a tag), then with both: one term.
    categories: children(e, 'category')
      .filter(
        (category) =>
          category.attributes.domain !== undefined && category.attributes.nicename !== undefined,
      )
      .map((category) => ({
        domain: category.attributes.domain,
        nicename: category.attributes.nicename,
        name: category.text,
      })),
    meta: meta(e, 'wp:postmeta'),
  };
}

function item(e: XmlElement): WxrItem | string {
  const parsed = itemSchema.safeParse(itemInput(e));
  if (!parsed.success) return firstIssue(parsed.error);
  const elements = children(e, 'wp:comment');
  if (elements.length > WXR_LIMITS.commentsPerItem) {
    return `it has ${elements.length} comments, more than ${WXR_LIMITS.commentsPerItem}`;
  }
  const comments: WxrComment[] = [];
  const rejectedComments: WxrItem['rejectedComments'] = [];
  for (const element of elements) {
    const comment = commentSchema.safeParse(commentInput(element));
    if (comment.success) comments.push(comment.data);
    else {
      const id = (textOf(element, 'wp:comment_id') ?? '').trim().slice(0, 40);
      rejectedComments.push({ id, reason: `comment ${firstIssue(comment.error)}` });
    }
  }
  return { ...parsed.data, comments, rejectedComments };
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T | string {
  const parsed = schema.safeParse(input);
  return parsed.success ? parsed.data : firstIssue(parsed.error);
}

function identify(key: RecordKey, e: XmlElement): { wpId: string | null; title: string | null } {
  const pick = (field: string) => textOf(e, field)?.trim().slice(0, 200) || null;
  switch (key) {
    case 'item':
      return { wpId: pick('wp:post_id'), title: pick('title') };
    case 'wp:author':
      return { wpId: pick('wp:author_id'), title: pick('wp:author_login') };
    case 'wp:category':
      return { wpId: pick('wp:term_id'), title: pick('wp:category_nicename') };
    case 'wp:tag':
      return { wpId: pick('wp:term_id'), title: pick('wp:tag_slug') };
    case 'wp:term':
      return { wpId: pick('wp:term_id'), title: pick('wp:term_slug') };
  }
}

/** Turns one closed record into what the reader yields: typed, or rejected with a reason. */
export function toRecord(e: XmlElement, line: number, overflow: string | null): WxrRecord | null {
  const key = e.key;
  if (!isRecordKey(key)) return null;
  const what = KINDS[key];
  const reject = (reason: string): WxrRecord => ({
    kind: 'rejected',
    rejected: { what, line, ...identify(key, e), reason },
  });
  if (overflow !== null) return reject(`${what} skipped: ${overflow}`);
  switch (key) {
    case 'item': {
      const value = item(e);
      return typeof value === 'string' ? reject(value) : { kind: 'item', item: value };
    }
    case 'wp:author': {
      const value = parse(authorSchema, authorInput(e));
      return typeof value === 'string' ? reject(value) : { kind: 'author', author: value };
    }
    case 'wp:category': {
      const value = parse(categorySchema, categoryInput(e));
      return typeof value === 'string' ? reject(value) : { kind: 'category', category: value };
    }
    case 'wp:tag': {
      const value = parse(tagSchema, tagInput(e));
      return typeof value === 'string' ? reject(value) : { kind: 'tag', tag: value };
    }
    case 'wp:term': {
      const value = parse(termSchema, termInput(e));
      return typeof value === 'string' ? reject(value) : { kind: 'term', term: value };
    }
  }
}
