import type { ReactNode } from 'react';
import { updateId } from '../../lib/content/live/update-id';
import { formatDateTime, parseInstant } from '../../lib/content/schema/dates';

/**
 * What MDX hands over: the content check lets only a time, a title and two flags through, but a
 * stored body is rendered whatever it holds, so each is read for what it is, never trusted.
 */
type UpdateProps = {
  time?: unknown;
  title?: unknown;
  keyEvent?: unknown;
  pinned?: unknown;
  children?: ReactNode;
};

/**
 * One entry of a live story, at its own address (`#update-…`, from its time), with its time
 * written out in full for readers without script. A time that does not parse gives no <time>
 * and no address rather than an error: the content check refuses it before publishing, and a
 * page must render whatever is stored.
 */
export function Update({ time, title, keyEvent, pinned, children }: UpdateProps) {
  const at = typeof time === 'string' ? parseInstant(time) : null;
  const id = at ? (updateId(at) ?? undefined) : undefined;
  const heading = typeof title === 'string' && title.trim() !== '' ? title : undefined;
  return (
    <article id={id} className="live-update" data-pinned={pinned === true ? '' : undefined}>
      <p className="live-update-meta">
        {at ? <time dateTime={at}>{formatDateTime(at)}</time> : null}
        {pinned === true ? <span className="live-update-flag">Pinned</span> : null}
        {keyEvent === true ? <span className="live-update-flag">Key event</span> : null}
      </p>
      {heading ? <h3>{heading}</h3> : null}
      {children}
    </article>
  );
}
