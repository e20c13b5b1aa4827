import { formatDate } from '@/lib/content/schema/dates';
import type { Correction } from '@/lib/content/schema/types';

type CorrectionsBoxProps = { corrections: Correction[] };

/** What the newsroom got wrong and put right, each with its date. */
export function CorrectionsBox({ corrections }: CorrectionsBoxProps) {
  return (
    <section
      aria-labelledby="corrections-heading"
      className="rounded-md border-l-4 border-neutral-700 bg-neutral-100 px-5 py-4 dark:border-neutral-300 dark:bg-neutral-900"
    >
      <h2 id="corrections-heading" className="text-sm font-bold tracking-wide uppercase">
        {corrections.length === 1 ? 'Correction' : 'Corrections'}
      </h2>
      <ul className="mt-2 space-y-2">
        {corrections.map((correction) => (
          <li key={`${correction.date}-${correction.text}`}>
            <time dateTime={correction.date} className="font-semibold">
              {formatDate(correction.date)}
            </time>
            : {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
