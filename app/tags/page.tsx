import type { Metadata } from 'next';
import Link from 'next/link';
import { listTags } from '@/lib/content/listings/queries';
import { alternates } from '@/lib/seo/urls';

export const metadata: Metadata = {
  title: 'Topics',
  description: 'Every topic Masthead covers.',
  alternates: alternates('/tags'),
};

export default function TagsPage() {
  const tags = listTags();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="font-serif text-4xl font-black">Topics</h1>
      <ul className="mt-8 flex flex-wrap gap-3">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link
              prefetch={false}
              href={`/tags/${tag.slug}`}
              className="inline-block rounded-full border border-neutral-300 px-4 py-1.5 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
            >
              {tag.name}{' '}
              <span className="text-sm text-neutral-600 dark:text-neutral-400">({tag.count})</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
