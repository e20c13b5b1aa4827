import Link from 'next/link';
import { tagName, tagSlug } from '@/lib/content/listings/tags';

type TagListProps = { tags: string[] };

export function TagList({ tags }: TagListProps) {
  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading" className="text-sm font-bold tracking-wide uppercase">
        Topics
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag}>
            <Link
              prefetch={false}
              href={`/tags/${tagSlug(tag)}`}
              className="inline-block rounded-full border border-neutral-300 px-3 py-1 text-sm hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
            >
              {tagName(tag)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
