import { createHash } from 'node:crypto';
import { LIMITS } from '@/lib/comments/limits';
import { commentInput } from '@/lib/comments/schema';
import { detach } from '../import/text';
import type { WxrComment } from '../schema';
import { commentText, oneLineText } from './comment-text';
import { placeComments } from './threads';

/** One post's comments as the importer hands them over. */
export type PostComments = { articleSlug: string; wpPostId: number; comments: WxrComment[] };

/** Something a comment lost on the way, for the import report. */
export type CommentLoss = {
  wpPostId: number;
  articleSlug: string;
  /** null when the loss is the post's, not one comment's. */
  wpCommentId: number | null;
  lost: string;
};

/** A comment ready for the store: the row's fields, and where it goes in its thread. */
export type ReadyComment = {
  wpId: number;
  status: 'approved' | 'pending';
  /** The WordPress id of the comment whose thread it joins, or null when it starts one. */
  rootWpId: number | null;
  name: string;
  email: string;
  url: string | null;
  body: string;
  createdAt: string;
  /** What WordPress said of it (all but the status), to see a later export change it. */
  digest: string;
};

/** A comment WordPress marks spam or trash: not imported, but one imported before follows. */
export type DroppedComment = { wpId: number; status: 'spam' | 'trash' };

export type PreparedPost = {
  articleSlug: string;
  wpPostId: number;
  /** Oldest first, WordPress's order (date, then id). */
  ready: ReadyComment[];
  dropped: DroppedComment[];
};

export type PrepareCounts = {
  /** Spam on WordPress: not imported (one imported before is marked spam here). */
  spam: number;
  /** Trash or post-trashed on WordPress: not imported (one imported before goes to trash). */
  trash: number;
  /** Pingbacks and trackbacks: not imported, each listed in the losses. */
  pingbacks: number;
  /** Not a reader's comment (editors' notes, plugins' entries): not imported, listed. */
  otherTypes: number;
  /** Not imported for what it holds: no date, no text left, an id met before. Listed. */
  rejected: number;
  /** Replies whose parent is not imported: in the nearest imported ancestor's thread, or a thread of their own. */
  reparented: number;
  /** Replies to replies, placed in their thread one level deep as the store keeps threads. */
  flattened: number;
};

/** A name longer than pages show (lib/comments/text.ts shownName) is cut there. */
const NAME_MAX = LIMITS.name * 2;

/** WordPress's `Y-m-d H:i:s` as the store's ISO 8601, or null when it is no real moment. */
export function isoDate(wpDate: string | null): string | null {
  if (wpDate === null || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(wpDate)) return null;
  const written = `${wpDate.slice(0, 10)}T${wpDate.slice(11)}`;
  const time = Date.parse(`${written}Z`);
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  // 2023-02-31 or 24:00:00 would roll over to another moment: not the one the file names.
  return iso.startsWith(written) ? iso : null;
}

/** An address as the comment form keeps one (lower-cased, checked); '' for none, null if bad. */
function emailOf(value: string): string | null {
  if (value.trim() === '') return '';
  const parsed = commentInput.shape.email.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A website as the comment form keeps one; '' for none, null when it is not one. */
function websiteOf(value: string): string | null {
  if (value.trim() === '') return '';
  const parsed = commentInput.shape.website.safeParse(value);
  return parsed.success ? (parsed.data ?? '') : null;
}

const digestOf = (fields: unknown[]) =>
  createHash('sha256').update(JSON.stringify(fields)).digest('base64url');

const oneLine = (value: string, max: number) =>
  value
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

/**
 * Turns one post's WordPress comments into what the store will hold: each classified
 * (approved → published, 0 → held, spam and trash dropped, pingbacks and trackbacks counted,
 * other types such as editors' notes never imported), its text converted, its fields cleaned
 * as the comment form cleans a reader's, and placed in its thread. Pure but for `seen`, the
 * WordPress comment ids met so far in this import: an id met twice keeps its first comment.
 */
export function preparePost(
  post: PostComments,
  seen: Set<number>,
  counts: PrepareCounts,
  losses: CommentLoss[],
): PreparedPost {
  const { articleSlug, wpPostId } = post;
  const lose = (wpCommentId: number | null, lost: string) =>
    // Copied: a loss can quote the comment, and the report outlives the export's text.
    losses.push({ wpPostId, articleSlug, wpCommentId, lost: detach(lost) });
  const candidates: Omit<ReadyComment, 'rootWpId' | 'digest'>[] = [];
  const dropped: DroppedComment[] = [];
  const parents = new Map<number, number>();

  for (const comment of post.comments) {
    const id = comment.id;
    if (seen.has(id)) {
      counts.rejected += 1;
      lose(id, 'its id appears twice in the export: only the first comment with it is imported');
      continue;
    }
    seen.add(id);
    parents.set(id, comment.parent);
    if (comment.approved === 'spam' || comment.approved === 'trash') {
      counts[comment.approved] += 1;
      dropped.push({ wpId: id, status: comment.approved });
      continue;
    }
    if (comment.approved === 'post-trashed') {
      counts.trash += 1;
      dropped.push({ wpId: id, status: 'trash' });
      continue;
    }
    if (comment.type === 'pingback' || comment.type === 'trackback') {
      counts.pingbacks += 1;
      const from = oneLine(comment.authorUrl, 300);
      lose(id, `${comment.type}${from ? ` from ${from}` : ''} not imported`);
      continue;
    }
    if (comment.type !== 'comment') {
      counts.otherTypes += 1;
      lose(id, `a "${oneLine(comment.type, 40)}" entry, not a reader's comment: not imported`);
      continue;
    }
    const gmt = isoDate(comment.dateGmt);
    const createdAt = gmt ?? isoDate(comment.date);
    if (createdAt === null) {
      counts.rejected += 1;
      lose(id, 'not imported: it has no date');
      continue;
    }
    if (gmt === null) lose(id, 'its time zone is unknown: its local time is read as UTC');
    const { text, lost } = commentText(comment.content);
    for (const what of lost) lose(id, what);
    if (text === '') {
      counts.rejected += 1;
      lose(id, 'not imported: no text is left once its markup is removed');
      continue;
    }
    const fullName = oneLineText(comment.author, NAME_MAX + 1);
    if (fullName.length > NAME_MAX) lose(id, `name cut to ${NAME_MAX} characters`);
    const email = emailOf(comment.authorEmail);
    if (email === null) lose(id, 'email address not kept: it is not a valid address');
    const url = websiteOf(comment.authorUrl);
    if (url === null)
      lose(id, 'website not kept: it is not a web address of 200 characters or fewer');
    candidates.push({
      wpId: id,
      status: comment.approved === '1' ? 'approved' : 'pending',
      name: fullName.slice(0, NAME_MAX).trim(),
      email: email ?? '',
      url: url === null ? null : url || null,
      body: text,
      createdAt,
    });
  }

  const kept = new Set(candidates.map((c) => c.wpId));
  const placements = placeComments(
    [...parents].map(([id, parent]) => ({ id, parent, kept: kept.has(id) })),
  );
  const ready = candidates.map((candidate): ReadyComment => {
    const place = placements.get(candidate.wpId);
    const rootWpId = place?.root ?? null;
    if (place?.reparented) {
      counts.reparented += 1;
      lose(
        candidate.wpId,
        rootWpId === null
          ? 'the comment it answered is not imported: it starts a thread of its own'
          : 'the comment it answered is not imported: it joins the thread above it',
      );
    }
    if (place?.flattened) counts.flattened += 1;
    const { wpId, status, ...fields } = candidate;
    const digest = digestOf([
      articleSlug,
      rootWpId,
      fields.name,
      fields.email,
      fields.url,
      fields.body,
      fields.createdAt,
    ]);
    return { wpId, status, rootWpId, ...fields, digest };
  });
  ready.sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.wpId - b.wpId,
  );
  return { articleSlug, wpPostId, ready, dropped };
}
