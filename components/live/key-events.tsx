import Link from 'next/link';
import type { KeyEvent } from '@/lib/content/live/arrange';
import { formatDateTime } from '@/lib/content/schema/dates';

type KeyEventsProps = { events: KeyEvent[] };

/**
 * The entries an editor marked `keyEvent`, newest first, each a link to the page its entry is
 * on now (lib/content/live/arrange.ts), so a link keeps working as the entry moves to older pages.
 */
export function KeyEvents({ events }: KeyEventsProps) {
  if (events.length === 0) return null;
  return (
    <nav aria-labelledby="key-events-heading" className="key-events">
      <h2 id="key-events-heading">Key events</h2>
      <ol>
        {events.map(({ entry, href }) => {
          const time = <time dateTime={entry.time}>{formatDateTime(entry.time)}</time>;
          return (
            <li key={entry.id}>
              {entry.title ? (
                <>
                  {time}{' '}
                  <Link prefetch={false} href={href}>
                    {entry.title}
                  </Link>
                </>
              ) : (
                <Link prefetch={false} href={href}>
                  {time}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
