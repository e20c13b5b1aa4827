import type { WxrItem } from '../schema';
import { titleOf, type Collected } from './collect';
import { mdxFile } from './frontmatter';
import type { AuthorPlan, PostPlan } from './plan';
import { datesOf } from './status';
import { filing } from './taxonomy';
import { firstSentences, plainText } from './text';

/** A standfirst made from the text is at most this long (the check advises 200). */
export const DEK_FROM_TEXT = 160;
/** A title made from the text is at most this long. */
export const TITLE_FROM_TEXT = 80;
/** Longer than any feed id WordPress writes; the schema's own bound. */
const GUID_MAX = 500;

/** A body as the converter gives it. */
export type Body = { mdx: string; lost: string[] };

/** What making one article or page file needs besides its item. */
export type FileContext = {
  collected: Collected;
  /** The site path of a picture URL now in public/, or null when it could not be had. */
  picturePath: (url: string) => string | null;
  convert: (item: WxrItem) => Body;
  now: Date;
};

export type MadeFile = { relative: string; text: string; lost: string[] };

/** The title, from the text when WordPress has none, and what was lost doing it. */
export function titleFor(item: WxrItem, kind: string, lost: string[]): string {
  const title = titleOf(item);
  if (/<[a-z]/i.test(item.title)) lost.push('the markup in its title (kept as plain words)');
  if (title !== '') return title;
  const text = plainText(item.content, 2 * TITLE_FROM_TEXT);
  const made = text ? firstSentences(text, TITLE_FROM_TEXT, 1) : '';
  const fallback = made || `Untitled ${kind} ${item.postId}`;
  lost.push(`its title (it had none): titled “${fallback}”`);
  return fallback;
}

/** The standfirst: the excerpt, else the first sentences of the text, else the title. */
export function dekFor(item: WxrItem, title: string): string {
  const excerpt = plainText(item.excerpt, 1_000);
  if (excerpt) return excerpt;
  // A standfirst from the text reads like one: the opening prose, not "Headings Header one …".
  const text =
    plainText(item.content, 2 * DEK_FROM_TEXT, { prose: true }) ||
    plainText(item.content, 2 * DEK_FROM_TEXT);
  return text ? firstSentences(text, DEK_FROM_TEXT) : title;
}

/** The featured picture (`_thumbnail_id`) as the article's hero. */
function heroFor(item: WxrItem, title: string, context: FileContext, lost: string[]) {
  const value = item.meta.find((entry) => entry.key === '_thumbnail_id')?.value.trim() ?? '';
  if (!/^\d{1,15}$/.test(value)) return undefined;
  const attachment = context.collected.attachments.get(Number(value));
  if (!attachment) {
    lost.push(`its featured picture (attachment ${value} is not in the export)`);
    return undefined;
  }
  const src = context.picturePath(attachment.url);
  if (src === null) {
    lost.push(`its featured picture ${attachment.url} (could not be had)`);
    return undefined;
  }
  let alt = attachment.alt;
  if (alt === '') {
    alt = attachment.title || title;
    lost.push(`its featured picture’s description for blind readers (it had none): given “${alt}”`);
  }
  return { src, alt, ...(attachment.caption ? { caption: attachment.caption } : {}) };
}

function guidFor(item: WxrItem, lost: string[]): string | undefined {
  const guid = item.guid.trim();
  if (guid === '') return undefined;
  if (guid.length > GUID_MAX || /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u.test(guid)) {
    lost.push('its feed id (GUID), which is not one feeds can carry: feeds give its address');
    return undefined;
  }
  return guid;
}

/** content/articles/<slug>.mdx for a post, with everything it lost on the way. */
export function articleFile(
  item: WxrItem,
  plan: PostPlan,
  author: AuthorPlan,
  context: FileContext,
): MadeFile {
  const lost: string[] = [];
  const title = titleFor(item, 'post', lost);
  const dates = datesOf(item, context.now);
  if (dates.lost) lost.push(dates.lost);
  if (plan.renamed) lost.push(`its address: ${plan.renamed}`);
  if (plan.disposition.kind === 'draft' && plan.disposition.lost) lost.push(plan.disposition.lost);
  const { tags } = filing(item.categories, context.collected.categories);
  const image = heroFor(item, title, context, lost);
  const body = context.convert(item);
  lost.push(...body.lost);
  const fields = {
    title,
    dek: dekFor(item, title),
    date: dates.date,
    updated: dates.updated,
    section: plan.section,
    author: author.id,
    tags,
    image,
    draft: plan.disposition.kind === 'draft' ? true : undefined,
    sticky: item.isSticky ? true : undefined,
    guid: guidFor(item, lost),
  };
  const origin = `imported from WordPress (post ${item.postId}) by npm run import:wordpress`;
  return {
    relative: `content/articles/${plan.slug}.mdx`,
    text: mdxFile(origin, fields, body.mdx),
    lost,
  };
}

/** content/pages/<path>.mdx for a page. */
export function pageFile(
  item: WxrItem,
  plan: { path: string; moved: string | null; disposition: PostPlan['disposition'] },
  context: FileContext,
): MadeFile {
  const lost: string[] = [];
  const title = titleFor(item, 'page', lost);
  if (plan.moved) lost.push(`its address: ${plan.moved}`);
  if (plan.disposition.kind === 'draft' && plan.disposition.lost) lost.push(plan.disposition.lost);
  const body = context.convert(item);
  lost.push(...body.lost);
  const fields = {
    title,
    description: dekFor(item, title),
    draft: plan.disposition.kind === 'draft' ? true : undefined,
  };
  const origin = `imported from WordPress (page ${item.postId}) by npm run import:wordpress`;
  return {
    relative: `content/pages/${plan.path}.mdx`,
    text: mdxFile(origin, fields, body.mdx),
    lost,
  };
}
