'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { adminAccess } from '@/lib/admin/auth';
import {
  passwordMatches,
  SESSION_COOKIE,
  SESSION_MAX_AGE_S,
  signSession,
} from '@/lib/admin/session';
import { getArticleBySlug } from '@/lib/content/queries';
import { siteConfig } from '@/lib/site';
import { getDb } from './db';
import { commentsSecret } from './secret';
import { deleteComments, setStatus } from './store';
import { COMMENT_STATUSES, type CommentStatus } from './types';

const ADMIN_PATH = '/admin/comments';

export async function signIn(data: FormData): Promise<void> {
  const password = process.env.ADMIN_PASSWORD;
  const given = String(data.get('password') ?? '');
  if (!password || !passwordMatches(given, password)) redirect(`${ADMIN_PATH}?signin=failed`);
  (await cookies()).set(SESSION_COOKIE, signSession(commentsSecret(), password), {
    httpOnly: true,
    sameSite: 'lax',
    secure: siteConfig.url.startsWith('https://'),
    path: '/admin',
    maxAge: SESSION_MAX_AGE_S,
  });
  redirect(ADMIN_PATH);
}

export async function signOut(): Promise<void> {
  (await cookies()).delete({ name: SESSION_COOKIE, path: '/admin' });
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
  if (!['approve', 'spam', 'trash', 'delete', 'pending'].includes(op) || ids.length === 0) {
    redirect(`${ADMIN_PATH}?status=${view}`);
  }
  const db = await getDb();
  const slugs =
    op === 'delete'
      ? await deleteComments(db, ids)
      : await setStatus(db, ids, TARGET[op as Exclude<Operation, 'delete'>]);
  // The article pages are static; refresh the ones whose discussion changed.
  for (const slug of slugs) {
    const article = getArticleBySlug(slug);
    if (article) revalidatePath(article.url);
  }
  const safeView = (COMMENT_STATUSES as readonly string[]).includes(view) ? view : 'pending';
  redirect(`${ADMIN_PATH}?status=${safeView}&done=${op}&n=${ids.length}`);
}
