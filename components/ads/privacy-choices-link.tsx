import Link from 'next/link';

/**
 * Reopens the consent banner: the inline runtime (lib/ads/browser-runtime.ts) catches its
 * click. Without JavaScript, where no partner's code ever runs, it is a link to the privacy
 * page's section on advertising.
 */
export function PrivacyChoicesLink() {
  return (
    <Link
      href="/privacy#choices"
      prefetch={false}
      className="hover:underline"
      data-privacy-choices=""
    >
      Privacy choices
    </Link>
  );
}
