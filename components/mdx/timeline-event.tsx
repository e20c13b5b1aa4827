import type { ReactNode } from 'react';
import { formatEventDate, parseEventDate } from '@/lib/content/schema/dates';

type TimelineEventProps = { date: string; label?: string; children: ReactNode };

export function TimelineEvent({ date, label, children }: TimelineEventProps) {
  const parsed = parseEventDate(date);
  // The content build rejects bad dates with the file and line; this guards other callers.
  if (!parsed) throw new Error(`TimelineEvent date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  return (
    <tr>
      <th scope="row">
        <time dateTime={parsed.iso}>{label ?? formatEventDate(parsed)}</time>
      </th>
      <td>{children}</td>
    </tr>
  );
}
