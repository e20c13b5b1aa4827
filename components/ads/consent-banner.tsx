import Link from 'next/link';

type ConsentBannerProps = { partner: string };

/**
 * Asks whether the advertising partner's script may run. Rendered hidden, only with a script
 * provider configured; the inline runtime (lib/ads/browser-runtime.ts) shows it to a reader who
 * has not answered, and again from "Privacy choices". Not a dialog: it sits at the end of the
 * page, kept in view at the bottom of the screen while the reader scrolls, covers nothing they
 * must read past, and traps no focus. The story can be read without answering.
 */
export function ConsentBanner({ partner }: ConsentBannerProps) {
  return (
    <section
      hidden
      data-ad-consent=""
      aria-labelledby="ad-consent-heading"
      className="ad-consent"
      suppressHydrationWarning
    >
      <div className="ad-consent-inner">
        <div className="ad-consent-words">
          <h2 id="ad-consent-heading" tabIndex={-1}>
            Advertising on Masthead
          </h2>
          <p>
            Ads pay for our reporting. May our advertising partner, {partner}, show them here? It
            may set cookies and learn which pages you read.{' '}
            <Link href="/privacy#choices" prefetch={false}>
              How we use it
            </Link>
            <span data-ad-consent-current="" suppressHydrationWarning />
          </p>
        </div>
        <div className="ad-consent-actions">
          <button type="button" data-ad-choice="accepted" className="ad-button ad-button-primary">
            Accept ads
          </button>
          <button type="button" data-ad-choice="declined" className="ad-button">
            No, thanks
          </button>
        </div>
      </div>
    </section>
  );
}
