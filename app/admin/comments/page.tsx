import type { Metadata } from 'next';
import { ModerationList } from '@/components/admin/moderation-list';
import { SignInForm } from '@/components/admin/sign-in-form';
import { StatusTabs } from '@/components/admin/status-tabs';
import { adminAccess, attemptRequester } from '@/lib/admin/auth';
import { signOut } from '@/lib/comments/admin-actions';
import { getModerationQueue } from '@/lib/comments/queries';
import { COMMENT_STATUSES, type CommentStatus } from '@/lib/comments/types';
import { listArticleTitles } from '@/lib/content/listings/queries';
import { attemptThrottle, describeWait } from '@/lib/security/attempts';
import { MIN_SECRET_LENGTH } from '@/lib/security/secret-settings';

export const metadata: Metadata = { title: 'Comments', robots: { index: false, follow: false } };

export default async function AdminCommentsPage({ searchParams }: PageProps<'/admin/comments'>) {
  const params = await searchParams;
  const access = await adminAccess();
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      {/* The newsroom's tools carry no advertising (public/ads.css). */}
      <div data-no-ads hidden />
      <h1 className="font-serif text-4xl font-black">Comments</h1>
      {access === 'off' ? (
        <p role="status">
          The admin area is off. Set the <code>ADMIN_PASSWORD</code> environment variable and
          restart the server to turn it on.
        </p>
      ) : access === 'too-short' ? (
        <p role="status">
          The admin area is off: <code>ADMIN_PASSWORD</code> is shorter than {MIN_SECRET_LENGTH}{' '}
          characters. Set a longer one and restart the server.
        </p>
      ) : access === 'signed-out' ? (
        <SignInForm
          failed={params.signin === 'failed'}
          unavailable={params.signin === 'unavailable'}
          {...await signInWait()}
        />
      ) : (
        <Moderation
          status={statusFrom(params.status)}
          done={typeof params.done === 'string' ? params.done : undefined}
          failed={params.failed !== undefined || params.signout === 'unavailable'}
        />
      )}
    </div>
  );
}

/**
 * How long this browser (its device, or else its network) must wait before the next password is
 * looked at, if at all, and which of the two it waits for.
 */
async function signInWait(): Promise<{ wait?: string; waitFor?: 'browser' | 'network' }> {
  const requester = await attemptRequester('admin');
  const verdict = await attemptThrottle('admin').check(requester);
  if (verdict.allowed) return {};
  return {
    wait: describeWait(verdict.retryAfterS),
    waitFor: typeof requester === 'string' ? 'network' : 'browser',
  };
}

function statusFrom(value: string | string[] | undefined): CommentStatus {
  return (COMMENT_STATUSES as readonly string[]).includes(String(value))
    ? (value as CommentStatus)
    : 'pending';
}

type ModerationProps = { status: CommentStatus; done?: string; failed: boolean };

async function Moderation({ status, done, failed }: ModerationProps) {
  const { items, counts } = await getModerationQueue(status);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <StatusTabs current={status} counts={counts} />
        <form action={signOut}>
          <button type="submit" className="text-sm underline">
            Sign out
          </button>
        </form>
      </div>
      {done ? <p role="status">Done.</p> : null}
      {failed ? (
        <p role="alert" className="font-semibold text-red-700 dark:text-red-400">
          Nothing was changed: the comments database did not answer. Try again in a minute.
        </p>
      ) : null}
      <ModerationList status={status} items={items} articles={listArticleTitles()} />
    </>
  );
}
