import type { ReactNode } from 'react';

type PostedNoticeProps = { id: string; children: ReactNode };

/**
 * What became of a comment posted without JavaScript. The post is answered with a redirect to
 * the article's cached page and this notice's fragment; CSS shows the notice only while it is
 * the fragment's target, so the page stays static and no script is needed.
 */
export function PostedNotice({ id, children }: PostedNoticeProps) {
  return (
    <p
      id={id}
      tabIndex={-1}
      className="posted-notice hidden rounded-md focus:outline-none border border-green-700 bg-green-50 p-4 font-semibold target:block dark:border-green-400 dark:bg-green-950/40"
    >
      {children}
    </p>
  );
}
