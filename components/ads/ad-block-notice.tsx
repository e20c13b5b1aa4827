import Link from 'next/link';

/**
 * Below the article's header when the partner's ads could not load: a request, not a wall.
 * Rendered hidden, only with a script provider configured; the inline runtime
 * (lib/ads/browser-runtime.ts) shows it at most once a week, never again in a session once
 * dismissed. It is in the flow of the page, so it covers nothing, and it takes no focus.
 * Readers without JavaScript never see it (no script, no ads to block either).
 */
export function AdBlockNotice() {
  return (
    <section
      hidden
      data-ad-notice=""
      aria-labelledby="ad-notice-heading"
      className="ad-notice"
      suppressHydrationWarning
    >
      <h2 id="ad-notice-heading">Our ads did not load</h2>
      <p>
        Advertising pays for this reporting. If you use an ad blocker, please consider allowing ads
        on Masthead, or{' '}
        <Link prefetch={false} href="/support">
          support the newsroom another way
        </Link>
        .
      </p>
      <button type="button" data-ad-notice-dismiss="" className="ad-button">
        Dismiss
      </button>
    </section>
  );
}
