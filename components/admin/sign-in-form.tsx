import { signIn } from '@/lib/comments/admin-actions';

type SignInFormProps = {
  failed: boolean;
  /** The database did not answer, so no session could be started. */
  unavailable?: boolean;
  /** Set while this browser is throttled: how long it must wait, in words ("3 minutes"). */
  wait?: string;
  /**
   * Whose wrong passwords the wait is for: this browser's (its device cookie's lane), or its
   * network's (docs/decisions/017). A moderator told "your network" would suspect colleagues.
   */
  waitFor?: 'browser' | 'network';
};

export function SignInForm({
  failed,
  unavailable = false,
  wait,
  waitFor = 'network',
}: SignInFormProps) {
  const message = wait
    ? `Too many wrong passwords from ${waitFor === 'browser' ? 'this browser' : 'your network'}. Try again in ${wait}.`
    : failed
      ? 'That password is not right.'
      : unavailable
        ? 'The comments database is not answering, so nobody can sign in just now. Try again in a minute.'
        : undefined;
  return (
    <form action={signIn} className="max-w-sm space-y-4">
      <div>
        <label htmlFor="admin-password" className="block font-semibold">
          Password
        </label>
        <input
          id="admin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'admin-password-error' : undefined}
          className="mt-1 block w-full rounded-md border border-neutral-400 bg-white px-3 py-2 dark:border-neutral-600 dark:bg-neutral-900"
        />
        {message ? (
          <p
            id="admin-password-error"
            className="mt-1 text-sm font-semibold text-red-700 dark:text-red-400"
          >
            {message}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        className="rounded-md bg-neutral-900 px-5 py-2.5 font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900"
      >
        Sign in
      </button>
    </form>
  );
}
