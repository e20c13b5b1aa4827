import Link from 'next/link';
import { Fragment } from 'react';
import type { AuthorMeta } from '@/lib/content/schema/types';

type BylineProps = { authors: AuthorMeta[] };

/** "By Omar El Sayed, World Editor", or "By A, Role and B, Role". */
export function Byline({ authors }: BylineProps) {
  return (
    <p className="byline">
      By{' '}
      {authors.map((author, i) => (
        <Fragment key={author.id}>
          {i > 0 ? (i === authors.length - 1 ? ' and ' : ', ') : null}
          <Link
            prefetch={false}
            href={author.url}
            rel="author"
            className="font-semibold hover:underline"
          >
            {author.name}
          </Link>
          {author.role ? <span>, {author.role}</span> : null}
        </Fragment>
      ))}
    </p>
  );
}
