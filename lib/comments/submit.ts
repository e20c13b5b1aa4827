import 'server-only';
import type { Kysely } from 'kysely';
import { type AkismetConfig, checkWithAkismet } from './akismet';
import { hashIp } from './ip';
import { type FieldErrors, type FormValues, parseComment } from './schema';
import { holdReasons } from './spam';
import {
  countRecentByIp,
  hasApprovedComment,
  hasSameBody,
  insertComment,
  threadRootFor,
} from './store';
import { checkToken } from './token';
import type { CommentStatus, Database, PublicComment } from './types';

export const RATE_LIMIT = { count: 3, windowMs: 60_000 };

export type SubmitContext = {
  db: Kysely<Database>;
  secret: string;
  ip: string;
  userAgent: string;
  now: Date;
  /** false when COMMENTS_MODERATION=off: every comment that passes the filters is published. */
  moderation: boolean;
  holdWords: string[];
  akismet?: AkismetConfig;
  permalink: string;
};

export type SubmitRequest = {
  articleSlug: string;
  values: FormValues;
  honeypot: string;
  token: string;
};

export type Refusal =
  'refused' | 'too-fast' | 'expired' | 'rate-limited' | 'duplicate' | 'parent-missing';

export type SubmitOutcome =
  | { ok: false; kind: 'invalid'; fieldErrors: FieldErrors }
  | { ok: false; kind: Refusal; message: string; fieldErrors: FieldErrors }
  | { ok: true; status: CommentStatus; comment: PublicComment };

const MESSAGES: Record<Refusal, string> = {
  // Said to bots; nothing in it helps them adjust.
  refused: 'Your comment could not be posted.',
  'too-fast': 'That was quick! Please take a few seconds before posting.',
  expired: 'This form had been open too long. Please post again.',
  'rate-limited':
    'You are posting faster than we can read. Please slow down and try again in a minute.',
  duplicate: 'You have already posted this comment on this article.',
  'parent-missing': 'The comment you are replying to is no longer available.',
};

const refuse = (kind: Refusal, fieldErrors: FieldErrors = {}): SubmitOutcome => ({
  ok: false,
  kind,
  message: MESSAGES[kind],
  fieldErrors,
});

/**
 * Everything that happens between "Post comment" and the database: validation, the spam and
 * abuse checks in order of cost, moderation, storage. A comment that reaches the end is stored
 * whatever the verdict; only bots and mistakes are turned away.
 */
export async function submitComment(
  req: SubmitRequest,
  ctx: SubmitContext,
): Promise<SubmitOutcome> {
  const parsed = parseComment(req.values, req.articleSlug);
  if (!parsed.ok) return { ok: false, kind: 'invalid', fieldErrors: parsed.fieldErrors };
  const input = parsed.input;

  if (req.honeypot.trim() !== '') return refuse('refused');
  const token = checkToken(req.token, ctx.secret, ctx.now.getTime());
  if (!token.ok)
    return refuse(
      token.reason === 'too-fast' ? 'too-fast' : token.reason === 'expired' ? 'expired' : 'refused',
    );

  const ipHash = hashIp(ctx.ip, ctx.secret);
  const since = new Date(ctx.now.getTime() - RATE_LIMIT.windowMs).toISOString();
  if ((await countRecentByIp(ctx.db, ipHash, since)) >= RATE_LIMIT.count)
    return refuse('rate-limited');
  if (await hasSameBody(ctx.db, input.articleSlug, input.comment)) {
    return refuse('duplicate', { comment: MESSAGES.duplicate });
  }

  let parentId: number | null = null;
  if (input.parentId !== undefined) {
    parentId = (await threadRootFor(ctx.db, input.parentId, input.articleSlug)) ?? null;
    if (parentId === null) return refuse('parent-missing');
  }

  const reasons = holdReasons(input.comment, ctx.holdWords);
  let status: CommentStatus = reasons.length > 0 ? 'pending' : 'approved';
  if (ctx.akismet) {
    const verdict = await checkWithAkismet(ctx.akismet, {
      userIp: ctx.ip,
      userAgent: ctx.userAgent,
      permalink: ctx.permalink,
      author: input.name,
      email: input.email,
      ...(input.website ? { url: input.website } : {}),
      content: input.comment,
    });
    if (verdict === 'spam') {
      status = 'spam';
      reasons.push('akismet: spam');
    } else if (verdict === 'unavailable') {
      status = 'pending';
      reasons.push('akismet unreachable');
    }
  }
  if (status === 'approved' && ctx.moderation && !(await hasApprovedComment(ctx.db, input.email))) {
    status = 'pending';
    reasons.push('first comment from this address');
  }

  const createdAt = ctx.now.toISOString();
  const id = await insertComment(ctx.db, {
    article_slug: input.articleSlug,
    parent_id: parentId,
    author_name: input.name,
    author_email: input.email,
    author_url: input.website ?? null,
    body: input.comment,
    status,
    held_reason: reasons.length > 0 ? reasons.join('; ') : null,
    ip_hash: ipHash,
    created_at: createdAt,
  });
  return {
    ok: true,
    status,
    comment: {
      id,
      parentId,
      name: input.name,
      url: input.website ?? null,
      body: input.comment,
      createdAt,
    },
  };
}
