import Link from 'next/link';
import { PrivacyChoicesLink } from '@/components/ads/privacy-choices-link';
import type { SectionMeta } from '@/lib/content/schema/types';

type SiteFooterProps = {
  sections: SectionMeta[];
  /** An advertising partner asks readers' consent: they can change their answer here. */
  privacyChoices?: boolean;
};

export function SiteFooter({ sections, privacyChoices = false }: SiteFooterProps) {
  return (
    <footer className="site-footer mt-16 border-t border-neutral-200 bg-neutral-100 dark:border-neutral-800 dark:bg-neutral-900">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm sm:grid-cols-2">
        <div>
          <p className="font-serif text-xl font-black">Masthead</p>
          <p className="mt-1 text-neutral-600 dark:text-neutral-400">
            Independent reporting, written in MDX and served fast.
          </p>
        </div>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {sections.map((section) => (
              <li key={section.id}>
                <Link prefetch={false} href={section.url} className="hover:underline">
                  {section.name}
                </Link>
              </li>
            ))}
            <li>
              <Link prefetch={false} href="/tags" className="hover:underline">
                Topics
              </Link>
            </li>
            <li>
              <Link prefetch={false} href="/corrections" className="hover:underline">
                Corrections
              </Link>
            </li>
            <li>
              <Link prefetch={false} href="/privacy" className="hover:underline">
                Privacy
              </Link>
            </li>
            {privacyChoices ? (
              <li>
                <PrivacyChoicesLink />
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
