'use client';

import { useEffect, useRef, useState } from 'react';
import { firstEntry, insertEntries, orderEntries, reconcile } from '@/lib/live/apply-feed';
import { readFeed, type PolledEntry, type PolledFeed } from '@/lib/live/feed-shape';
import { pollDelay, VISIBLE_MS } from '@/lib/live/poll-delay';
import { labelTimes } from '@/lib/live/relative-time';

type LiveUpdatesProps = {
  /** `<story>/live.json`. */
  endpoint: string;
  /** The feed's version and each entry's digest when the page was rendered. */
  version: string;
  known: Record<string, string>;
};

const updates = (n: number) => `${n} new update${n === 1 ? '' : 's'}`;

/**
 * New entries on an open live story without a reload (docs/decisions/032). Rendered inside the
 * entries' section on the story's first page while coverage runs; without script the page is
 * complete as it is. Asks the endpoint every 15 s while the page is visible and every 60 s
 * while hidden, longer after failures (silently), and stops once coverage has ended. A reader
 * at the top sees new entries appear; one who has scrolled past the newest is offered them by
 * a button that floats over the page, so nothing moves, and the title counts them. A pin moved
 * or taken off is put in place with the new entries. Each entry's time also says how long ago
 * it was, kept current each minute.
 */
export function LiveUpdates({ endpoint, version, known }: LiveUpdatesProps) {
  const root = useRef<HTMLDivElement>(null);
  const pending = useRef<PolledEntry[]>([]);
  const digests = useRef(new Map(Object.entries(known)));
  const [waiting, setWaiting] = useState(0);
  const [message, setMessage] = useState('');
  const reveal = useRef<(focus: boolean) => void>(() => undefined);

  useEffect(() => {
    const section = root.current?.closest('section');
    if (!section) return;
    const visible = () => document.visibilityState !== 'hidden';
    // "3 min. ago" beside each entry's time, kept current each minute while the page is seen.
    const label = () => {
      if (visible()) labelTimes(section, Date.now());
    };
    // The last feed that changed the page: what order show() puts the entries in.
    let latest: PolledFeed | undefined;
    const show = (focus: boolean) => {
      const first = insertEntries(section, pending.current, digests.current);
      pending.current = [];
      if (latest) orderEntries(section, latest, digests.current);
      label();
      setWaiting(0);
      if (focus && first instanceof HTMLElement) {
        first.tabIndex = -1;
        first.focus();
      }
    };
    reveal.current = show;
    let batches = 0;
    const title = document.title;
    let current = version;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = Date.now();
    let stopped = false;

    const schedule = (ms: number) => {
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(poll, ms);
    };
    // On or above the newest entry: what changes there moves nothing the reader is reading.
    const atTop = () => {
      const anchor = firstEntry(section);
      return !anchor || anchor.getBoundingClientRect().top >= 0;
    };

    const poll = async () => {
      last = Date.now();
      try {
        // `no-cache`: the browser revalidates with the ETag it holds; a 304 costs no body.
        const response = await fetch(endpoint, { cache: 'no-cache' });
        const feed = response.ok ? readFeed(await response.json()) : undefined;
        if (!feed) throw new Error('no feed');
        failures = 0;
        if (feed.version !== current) {
          current = feed.version;
          latest = feed;
          // What was offered before and is still in the feed stays offered, in its latest form.
          const offered = new Set(pending.current.map((e) => e.id));
          pending.current = reconcile(section, feed, digests.current);
          const added = pending.current.filter((e) => !offered.has(e.id)).length;
          // Once per batch; a no-break space apart, so the same words are announced again.
          if (added > 0) setMessage(updates(added) + (++batches % 2 ? '' : '\u00a0'));
          // A pin moved, added or taken off is put in place with the new entries: at once at the
          // top, else when the reader takes the offer or is back at the top at a later poll.
          if (atTop()) show(false);
          else setWaiting(pending.current.length);
        } else if (latest && atTop()) {
          orderEntries(section, latest, digests.current);
        }
        // Entries replaced in place come without their label.
        label();
        if (feed.ended) {
          stopped = true;
          root.current?.removeAttribute('data-polling');
        }
      } catch {
        failures += 1;
      }
      schedule(pollDelay(visible(), failures));
    };

    const onVisibility = () => {
      label();
      // Back on the page: ask now if the last poll is older than a visible page's interval.
      if (visible()) schedule(Math.max(0, VISIBLE_MS - (Date.now() - last)));
    };
    document.addEventListener('visibilitychange', onVisibility);
    schedule(pollDelay(visible(), 0));
    label();
    const clock = setInterval(label, 60_000);
    // Says the first poll is scheduled: the browser tests wait for it before moving the clock.
    root.current?.setAttribute('data-polling', '');
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(clock);
      document.removeEventListener('visibilitychange', onVisibility);
      document.title = title;
    };
    // Runs once per page: the props are the page's, fixed when it was rendered.
  }, [endpoint, version]);

  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = waiting > 0 ? `(${waiting}) ${base}` : base;
  }, [waiting]);

  return (
    <div ref={root}>
      <button
        type="button"
        hidden={waiting === 0}
        onClick={() => reveal.current(true)}
        className="fixed bottom-4 left-1/2 z-40 -translate-x-1/2 rounded-full bg-neutral-900 px-4 py-2 text-sm font-semibold text-white shadow-lg dark:bg-neutral-100 dark:text-neutral-900"
      >
        {updates(waiting)}
      </button>
      <p className="sr-only" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
