import type { WxrRecord, WxrRejected } from '../records';
import type { WxrAuthor, WxrItem, WxrSite } from '../schema';
import { scanPictures } from './picture-scan';
import { dispositionOf } from './status';
import { cleanLine, detach, plainText } from './text';

/** A picture from the media library, as body conversion and heroes need it. */
export type PictureInfo = { url: string; alt: string; caption: string; title: string };

/**
 * An attachment: its picture, its own page on the old site, the post it was uploaded to, and
 * its place in that post's gallery (menu_order).
 */
export type Attachment = PictureInfo & { link: string; parent: number; order: number };

export type CategoryInfo = {
  name: string;
  parent: string | null;
  description: string;
  termId: number | null;
};

/** What pass 2 and the plan need of a post or page, small enough to hold for every one. */
export type ItemSummary = {
  id: number;
  type: 'post' | 'page';
  status: string;
  password: boolean;
  name: string;
  /** Plain text, for slugs and the report. */
  title: string;
  link: string;
  guid: string;
  parent: number;
  creator: string;
  /** The first category's nicename: the section comes from it. */
  category: { nicename: string; name: string } | null;
  thumbnail: number | null;
};

/** Everything pass 1 learns: all of it small next to the export (no bodies, no comments). */
export type Collected = {
  site: WxrSite;
  authors: Map<string, WxrAuthor>;
  categories: Map<string, CategoryInfo>;
  tags: Map<string, string>;
  attachments: Map<number, Attachment>;
  items: ItemSummary[];
  /** Every picture URL the imported posts' bodies refer to, and the attachments they show. */
  pictureUrls: Set<string>;
  pictureIds: Set<number>;
  /** Categories and tags (WordPress slug → name) published posts are filed under. */
  usedCategories: Set<string>;
  usedTags: Map<string, string>;
  /** Items of other types (menus, reusable blocks, a plugin's products), by type. */
  otherTypes: Map<string, number>;
  rejected: WxrRejected[];
};

/** Reports name at most this many rejected records one by one; the rest are counted. */
export const MAX_LISTED_REJECTIONS = 10_000;

const metaValue = (item: WxrItem, key: string) =>
  item.meta.find((entry) => entry.key === key)?.value ?? null;

function thumbnailOf(item: WxrItem): number | null {
  const value = metaValue(item, '_thumbnail_id')?.trim();
  return value && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/**
 * A login as WordPress's importer matches it (sanitize_user, strict): only letters, digits,
 * space, `_ . - @`. Exports do carry `>themereviewteam` for `themereviewteam` (the Theme Unit
 * Test does), and WordPress files such posts under the same author.
 */
export const loginKey = (login: string) =>
  login
    .replace(/<[^>]*>/g, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 _.@-]/g, '')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, 60);

/** The post's title as plain text: WordPress titles are HTML (`Title <em>With</em> Markup`). */
export const titleOf = (item: Pick<WxrItem, 'title'>) =>
  item.title.includes('<') || item.title.includes('&')
    ? plainText(item.title, 500)
    : cleanLine(item.title, 500);

function summary(item: WxrItem, type: 'post' | 'page'): ItemSummary {
  const category = item.categories.find((term) => term.domain === 'category' && term.nicename);
  return {
    id: item.postId,
    type,
    status: detach(item.status),
    password: item.postPassword.trim() !== '',
    name: detach(item.postName),
    title: detach(titleOf(item)),
    link: detach(item.link),
    guid: detach(item.guid),
    parent: item.postParent,
    creator: detach(loginKey(item.creator)),
    category: category
      ? { nicename: detach(category.nicename), name: detach(category.name) }
      : null,
    thumbnail: type === 'post' ? thumbnailOf(item) : null,
  };
}

function attachmentOf(item: WxrItem): Attachment | null {
  const url = item.attachmentUrl ?? item.guid;
  if (!url) return null;
  return {
    url: detach(url),
    alt: detach(cleanLine(metaValue(item, '_wp_attachment_image_alt') ?? '', 1_000)),
    caption: detach(plainText(item.excerpt, 1_000)),
    title: detach(titleOf(item)),
    link: detach(item.link),
    parent: item.postParent,
    order: item.menuOrder,
  };
}

/**
 * Each post's attachments in WordPress's gallery order (menu_order, then id): what a
 * `[gallery]` without ids shows.
 */
export function attachedByPost(
  attachments: ReadonlyMap<number, Attachment>,
): Map<number, number[]> {
  const byPost = new Map<number, number[]>();
  for (const [id, attachment] of attachments) {
    if (attachment.parent === 0) continue;
    byPost.set(attachment.parent, [...(byPost.get(attachment.parent) ?? []), id]);
  }
  for (const ids of byPost.values()) {
    ids.sort(
      (a, b) => (attachments.get(a)?.order ?? 0) - (attachments.get(b)?.order ?? 0) || a - b,
    );
  }
  return byPost;
}

/**
 * The categories and tags a published post is filed under: their pages here will list it, so
 * their old addresses can lead there (a tag only drafts carry has no page to lead to).
 */
function noteTerms(item: WxrItem, collected: Pick<Collected, 'usedCategories' | 'usedTags'>) {
  for (const term of item.categories) {
    if (term.domain === 'category') collected.usedCategories.add(detach(term.nicename));
    if (term.domain === 'post_tag')
      collected.usedTags.set(detach(term.nicename), detach(term.name));
  }
}

/**
 * Pass 1: reads the export once and keeps what the plan needs: the site, authors, categories,
 * tags, every attachment's picture, and a summary of each post and page. Bodies are looked
 * at (for the pictures they need) and dropped with their comments, so memory follows the number of posts and
 * pictures, never the size of the file.
 */
export async function collect(records: AsyncIterable<WxrRecord>): Promise<Collected> {
  let site: WxrSite | null = null;
  const collected: Omit<Collected, 'site'> = {
    authors: new Map(),
    categories: new Map(),
    tags: new Map(),
    attachments: new Map(),
    items: [],
    pictureUrls: new Set(),
    pictureIds: new Set(),
    usedCategories: new Set(),
    usedTags: new Map(),
    otherTypes: new Map(),
    rejected: [],
  };
  for await (const record of records) {
    switch (record.kind) {
      case 'site':
        site = record.site;
        break;
      case 'author':
        const key = loginKey(record.author.login);
        const { author } = record;
        if (!collected.authors.has(key)) {
          collected.authors.set(key, {
            ...author,
            login: detach(author.login),
            displayName: detach(author.displayName),
            firstName: detach(author.firstName),
            lastName: detach(author.lastName),
            email: '',
          });
        }
        break;
      case 'category': {
        const { nicename, name, parent, description, termId } = record.category;
        collected.categories.set(detach(nicename), {
          name: detach(name),
          parent: parent === null ? null : detach(parent),
          description: detach(description),
          termId,
        });
        break;
      }
      case 'tag':
        collected.tags.set(detach(record.tag.slug), detach(record.tag.name));
        break;
      case 'rejected':
        if (collected.rejected.length < MAX_LISTED_REJECTIONS) {
          const { what, line, wpId, title, reason } = record.rejected;
          collected.rejected.push({
            what,
            line,
            wpId: wpId === null ? null : detach(wpId),
            title: title === null ? null : detach(title),
            reason: detach(reason),
          });
        }
        break;
      case 'item': {
        const { item } = record;
        if (item.postType === 'attachment') {
          const attachment = attachmentOf(item);
          if (attachment) collected.attachments.set(item.postId, attachment);
        } else if (item.postType === 'post' || item.postType === 'page') {
          collected.items.push(summary(item, item.postType));
          if (item.status !== 'trash' && item.status !== 'auto-draft') {
            const { urls, ids } = scanPictures(item.content);
            for (const url of urls) collected.pictureUrls.add(detach(url));
            for (const id of ids) collected.pictureIds.add(id);
          }
          if (dispositionOf(item).kind === 'live') noteTerms(item, collected);
        } else {
          const count = collected.otherTypes.get(item.postType) ?? 0;
          collected.otherTypes.set(detach(item.postType.slice(0, 60)), count + 1);
        }
        break;
      }
      case 'term':
        break;
    }
  }
  if (!site) throw new Error('the export has no channel');
  return { site, ...collected };
}
