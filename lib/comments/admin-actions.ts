'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import {
  adminAccess,
  attemptRequester,
  rememberDevice,
  sessionCookieOptions,
} from '@/lib/admin/auth';
import { endSession, passwordMatches, SESSION_COOKIE, startSession } from '@/lib/admin/session';
import { getArticleBySlug } from '@/lib/content/listings/queries';
import { attemptThrottle } from '@/lib/security/attempts';
import { adminPassword } from '@/lib/security/secret-settings';
import { getDb } from './db';
import { describeError } from './errors';
import { commentsSecret } from './secret';
import { deleteComments, setStatus } from './store';
import { COMMENT_STATUSES, type CommentStatus } from './types';

const ADMIN_PATH = '/admin/comments';

/**
 * A network (or a device) that has guessed wrong too often is turned away before the password is
 * even compared; the page then says how long to wait (lib/security/throttle.ts). A browser that
 * has signed in before counts in its own lane, so other people's guesses never keep it out.
 */
export async function signIn(data: FormData): Promise<void> {
  const password = adminPassword();
  if (password.state !== 'on') redirect(ADMIN_PATH);
  const who = await attemptRequester('admin');
  const throttle = attemptThrottle('admin');
  if (!(await throttle.check(who)).allowed) redirect(`${ADMIN_PATH}?signin=wait`);
  if (!passwordMatches(String(data.get('password') ?? ''), password.value)) {
    await throttle.fail(who);
    redirect(`${ADMIN_PATH}?signin=failed`);
  }
  await throttle.succeed(who);
  await rememberDevice(['admin', 'preview']);
  const keys = { secret: commentsSecret(), password: password.value };
  // A form posted without JavaScript that throws gets Next's bare "Internal Server Error";
  // the moderator is told what happened on the page instead.
  const session = await getDb()
    .then((db) => startSession(db, keys))
    .catch(databaseDown);
  if (session === undefined) redirect(`${ADMIN_PATH}?signin=unavailable`);
  (await cookies()).set(SESSION_COOKIE, session, sessionCookieOptions());
  redirect(ADMIN_PATH);
}

function databaseDown(error: unknown): undefined {
  console.error(`admin: the comments database did not answer: ${describeError(error)}`);
  return undefined;
}

/** Ends the session on the server too, so a copy of the cookie is refused from now on. */
export async function signOut(): Promise<void> {
  const jar = await cookies();
  const ended = await getDb()
    .then((db) => endSession(db, jar.get(SESSION_COOKIE)?.value))
    .then(() => true, databaseDown);
  // Only a session ended on the server is over; otherwise the moderator is told to try again.
  if (!ended) redirect(`${ADMIN_PATH}?signout=unavailable`);
  jar.set(SESSION_COOKIE, '', { ...sessionCookieOptions(), maxAge: 0 });
  redirect(ADMIN_PATH);
}

type Operation = 'approve' | 'spam' | 'trash' | 'delete' | 'pending';
const TARGET: Record<Exclude<Operation, 'delete'>, CommentStatus> = {
  approve: 'approved',
  spam: 'spam',
  trash: 'trash',
  pending: 'pending',
};

/**
 * One form serves the whole list: a row's own button sends "op:id"; the bulk buttons send an
 * op for every ticked row.
 */
export async function moderate(data: FormData): Promise<void> {
  if ((await adminAccess()) !== 'signed-in') redirect(ADMIN_PATH);
  const view = String(data.get('view') ?? 'pending');
  const single = String(data.get('single') ?? '');
  let op: string;
  let ids: number[];
  if (single) {
    const [singleOp = '', id = ''] = single.split(':');
    op = singleOp;
    ids = [Number(id)];
  } else {
    op = String(data.get('op') ?? '');
    ids = data.getAll('ids').map(Number);
  }
  ids = ids.filter((id) => Number.isInteger(id) && id > 0);
  // `view` comes from the form: only a known status goes back into the redirect.
  const safeView = (COMMENT_STATUSES as readonly string[]).includes(view) ? view : 'pending';
  if (!['approve', 'spam', 'trash', 'delete', 'pending'].includes(op) || ids.length === 0) {
    redirect(`${ADMIN_PATH}?status=${safeView}`);
  }
  const slugs = await getDb()
    .then((db) =>
      op === 'delete'
        ? deleteComments(db, ids)
        : setStatus(db, ids, TARGET[op as Exclude<Operation, 'delete'>]),
    )
    .catch(databaseDown);
  if (slugs === undefined) redirect(`${ADMIN_PATH}?status=${safeView}&failed=${op}`);
  // The article pages are static; refresh the ones whose discussion changed.
  for (const slug of slugs) {
    const article = getArticleBySlug(slug);
    if (article) revalidatePath(article.url);
  }
  redirect(`${ADMIN_PATH}?status=${safeView}&done=${op}&n=${ids.length}`);
}
