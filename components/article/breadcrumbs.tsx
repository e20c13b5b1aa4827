import Link from 'next/link';

import type { Crumb } from '@/lib/content/schema/types';

type BreadcrumbsProps = { trail: Crumb[] };

/** Home » Section » Headline; the last crumb is the page itself. */
export function Breadcrumbs({ trail }: BreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-neutral-600 dark:text-neutral-400">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {trail.map((crumb, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={crumb.href} className="flex items-center gap-x-2">
              {i > 0 ? <span aria-hidden="true">»</span> : null}
              {last ? (
                <Link
                  prefetch={false}
                  href={crumb.href}
                  aria-current="page"
                  className="line-clamp-1 no-underline"
                >
                  {crumb.name}
                </Link>
              ) : (
                <Link
                  prefetch={false}
                  href={crumb.href}
                  className="underline-offset-2 hover:underline"
                >
                  {crumb.name}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
