import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate } from '@/lib/content/schema/dates';
import { listCorrections } from '@/lib/content/listings/queries';
import { alternates } from '@/lib/seo/urls';

export const metadata: Metadata = {
  title: 'Corrections',
  description: 'Every correction Masthead has made, newest first.',
  alternates: alternates('/corrections'),
};

export default function CorrectionsPage() {
  const corrections = listCorrections();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="font-serif text-4xl font-black">Corrections</h1>
      <p className="mt-2 text-neutral-700 dark:text-neutral-300">
        When we get something wrong we correct it in the story and say so there. Every correction is
        also listed here, newest first.
      </p>
      {corrections.length > 0 ? (
        <ol className="mt-8 space-y-6">
          {corrections.map(({ date, text, article }) => (
            <li
              key={`${article.slug}-${date}`}
              className="border-t border-neutral-200 pt-4 dark:border-neutral-800"
            >
              <p className="text-sm text-neutral-600 dark:text-neutral-400">
                <time dateTime={date}>{formatDate(date)}</time>
              </p>
              <p className="mt-1 font-serif text-lg font-bold">
                <Link prefetch={false} href={article.url} className="hover:underline">
                  {article.title}
                </Link>
              </p>
              <p className="mt-1">{text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-8">No corrections so far.</p>
      )}
    </div>
  );
}
