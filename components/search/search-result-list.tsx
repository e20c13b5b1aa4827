import Link from 'next/link';
import { formatDate } from '@/lib/content/schema/dates';
import type { SearchHit } from '@/lib/content/search/results';

type SearchResultListProps = { hits: SearchHit[]; sectionNames: Map<string, string> };

export function SearchResultList({ hits, sectionNames }: SearchResultListProps) {
  return (
    <ol className="space-y-8">
      {hits.map(({ article, snippet }) => (
        <li key={article.slug}>
          <article aria-labelledby={`result-${article.slug}`}>
            <p className="text-accent text-xs font-bold tracking-wide uppercase">
              {sectionNames.get(article.section) ?? article.section}
            </p>
            <h2 id={`result-${article.slug}`} className="mt-1 font-serif text-xl font-bold">
              <Link prefetch={false} href={article.url} className="hover:underline">
                {article.title}
              </Link>
            </h2>
            <p className="mt-1 text-neutral-700 dark:text-neutral-300">
              {snippet.map((part, i) =>
                part.match ? (
                  <mark key={i} className="bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700/60">
                    {part.text}
                  </mark>
                ) : (
                  part.text
                ),
              )}
            </p>
            <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
              <time dateTime={article.date}>{formatDate(article.date)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
