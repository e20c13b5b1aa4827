import Link from 'next/link';
import { Pagination } from '@/components/layout/pagination';
import { mdxComponents } from '@/components/mdx/mdx-components';
import type { LiveView } from '@/lib/content/live/arrange';
import type { LivePoll } from '@/lib/content/live/feed';
import { splitLiveBody } from '@/lib/content/live/entry-elements';
import { renderMdxBlocks } from '@/lib/content/mdx/render';
import { KeyEvents } from './key-events';
import { LiveUpdatesLazy } from './live-updates-lazy';

type LiveCoverageProps = {
  /** The story's address: its first page, and the base of the older ones. */
  url: string;
  /** The compiled body. */
  code: string;
  view: LiveView;
  /** On a running story's first page: new entries arrive without a reload (decision 032). */
  poll?: LivePoll;
};

/**
 * A live story's body, complete without script (docs/decisions/030): on the first page the
 * summary; on every page the key events; then the pinned entry (first page only) and the
 * entries newest first, a page at a time, the newest page at the story's own address. The
 * order comes from the index, the entries themselves from the compiled body.
 */
export function LiveCoverage({ url, code, view, poll }: LiveCoverageProps) {
  const { summary, entries } = splitLiveBody(renderMdxBlocks(code, mdxComponents));
  const { page } = view;
  const island = poll && page.page === 1 ? poll : undefined;
  const shown = [...(page.pinned ? [page.pinned] : []), ...page.items].flatMap(
    (entry) => entries.get(entry.id) ?? [],
  );
  return (
    <>
      {page.page === 1 ? (
        summary
      ) : (
        <p>
          Older updates.{' '}
          <Link prefetch={false} href={url}>
            The latest are on the first page
          </Link>
          .
        </p>
      )}
      <KeyEvents events={view.keyEvents} />
      {/* data-live-times keeps room on each time line for the island's "3 min. ago", so
          writing it moves nothing (app/globals.css; docs/decisions/032). */}
      <section
        aria-labelledby="live-updates-heading"
        className="live-updates"
        data-live-times={island ? '' : undefined}
      >
        <h2 id="live-updates-heading">
          {page.page === 1 ? 'Latest updates' : `Updates, page ${page.page} of ${page.totalPages}`}
        </h2>
        {island ? <LiveUpdatesLazy {...island} /> : null}
        {shown.length > 0 ? shown : <p data-live-empty="">No updates yet.</p>}
      </section>
      <Pagination page={page.page} totalPages={page.totalPages} base={url} noun="updates" />
    </>
  );
}
