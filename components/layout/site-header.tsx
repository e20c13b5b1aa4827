import Link from 'next/link';
import type { SectionMeta } from '@/lib/content/schema/types';
import { SearchBox } from './search-box';
import { ThemeToggle } from './theme-toggle';

type SiteHeaderProps = { sections: SectionMeta[] };

export function SiteHeader({ sections }: SiteHeaderProps) {
  return (
    <header className="site-header border-b-4 border-neutral-900 dark:border-neutral-100">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4">
        <Link
          prefetch={false}
          href="/"
          className="font-serif text-3xl font-black tracking-tight sm:text-4xl"
        >
          Masthead
        </Link>
        <div className="flex flex-wrap items-center justify-end gap-2">
          <SearchBox />
          <ThemeToggle />
        </div>
      </div>
      <nav aria-label="Sections" className="border-t border-neutral-200 dark:border-neutral-800">
        <ul className="mx-auto flex max-w-6xl gap-x-5 overflow-x-auto px-4 py-2 text-sm font-semibold">
          {sections.map((section) => (
            <li key={section.id}>
              <Link
                prefetch={false}
                href={section.url}
                className="whitespace-nowrap hover:underline"
              >
                {section.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
