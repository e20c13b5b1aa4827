import 'server-only';
import type { Kysely } from 'kysely';
import { type AkismetConfig, checkWithAkismet } from './akismet';
import { commenterId, signCommenter } from './commenter';
import { hashIp } from './ip';
import { type CommentInput, type FieldErrors, type FormValues, parseComment } from './schema';
import { holdReasons } from './spam';
import { countRecentByIp, insertGuarded, isApprovedCommentBy, threadRootFor } from './store';
import { checkToken } from './token';
import { describeError } from './errors';
import type { CommentStatus, Database, PublicComment } from './types';

export const RATE_LIMIT = { count: 3, windowMs: 60_000 };
/** The same text from the same commenter on the same article within a day is a double post. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

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
  /** The returning-commenter cookie, if the browser sent one (lib/comments/commenter.ts). */
  commenterProof?: string;
};

export type Refusal =
  | 'refused'
  | 'too-fast'
  | 'expired'
  | 'rate-limited'
  | 'duplicate'
  | 'parent-missing'
  | 'unavailable';

export type SubmitOutcome =
  | { ok: false; kind: 'invalid'; fieldErrors: FieldErrors }
  | { ok: false; kind: Refusal; message: string; fieldErrors: FieldErrors }
  | {
      ok: true;
      status: CommentStatus;
      comment: PublicComment;
      /** What the browser should keep as its returning-commenter cookie. */
      proof: string;
    };

export const MESSAGES: Record<Refusal, string> = {
  // Said to bots; nothing in it helps them adjust.
  refused: 'Your comment could not be posted.',
  'too-fast': 'That was quick! Please take a few seconds before posting.',
  expired: 'This form had been open too long. Please post again.',
  'rate-limited':
    'You are posting faster than we can read. Please slow down and try again in a minute.',
  duplicate: 'You have already posted this comment on this article.',
  'parent-missing': 'The comment you are replying to is no longer available.',
  unavailable:
    'We could not save your comment just now. Everything you wrote is still here: please try again in a minute.',
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
 * whatever the verdict; only bots and mistakes are turned away. A database that fails is
 * reported as 'unavailable', never thrown at the reader, and nothing is half-stored.
 */
export async function submitComment(
  req: SubmitRequest,
  ctx: SubmitContext,
): Promise<SubmitOutcome> {
  const parsed = parseComment(req.values, req.articleSlug);
  if (!parsed.ok) return { ok: false, kind: 'invalid', fieldErrors: parsed.fieldErrors };

  if (req.honeypot.trim() !== '') return refuse('refused');
  const token = checkToken(req.token, ctx.secret, ctx.now.getTime());
  if (!token.ok)
    return refuse(
      token.reason === 'too-fast' ? 'too-fast' : token.reason === 'expired' ? 'expired' : 'refused',
    );

  try {
    return await moderateAndStore(parsed.input, req, ctx);
  } catch (error) {
    // One line per failure: during an outage every post fails, and stacks would bury the log.
    console.error(`comments: could not save a comment: ${describeError(error)}`);
    return refuse('unavailable');
  }
}

async function moderateAndStore(
  input: CommentInput,
  req: SubmitRequest,
  ctx: SubmitContext,
): Promise<SubmitOutcome> {
  const ipHash = hashIp(ctx.ip, ctx.secret);
  const at = (ms: number) => new Date(ctx.now.getTime() - ms).toISOString();
  // Before Akismet is asked, a look at the rate; the insert below decides, atomically.
  if (
    ctx.akismet &&
    (await countRecentByIp(ctx.db, ipHash, at(RATE_LIMIT.windowMs))) >= RATE_LIMIT.count
  )
    return refuse('rate-limited');

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
  const provenId = commenterId(req.commenterProof, input.email, ctx.secret);
  const returning =
    provenId !== undefined && (await isApprovedCommentBy(ctx.db, provenId, input.email));
  if (status === 'approved' && ctx.moderation && !returning) {
    status = 'pending';
    reasons.push('new commenter');
  }

  const createdAt = ctx.now.toISOString();
  const stored = await insertGuarded(
    ctx.db,
    {
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
    },
    {
      rateSince: at(RATE_LIMIT.windowMs),
      rateLimit: RATE_LIMIT.count,
      duplicateSince: at(DUPLICATE_WINDOW_MS),
    },
  );
  if (!stored.ok) {
    return stored.reason === 'duplicate'
      ? refuse('duplicate', { comment: MESSAGES.duplicate })
      : refuse('rate-limited');
  }
  return {
    ok: true,
    status,
    comment: {
      id: stored.id,
      parentId,
      name: input.name,
      url: input.website ?? null,
      body: input.comment,
      createdAt,
    },
    // An approved comment's proof is worth keeping; otherwise this comment's, for when it is.
    proof:
      returning && req.commenterProof
        ? req.commenterProof
        : signCommenter(stored.id, input.email, ctx.secret),
  };
}
