import type { ReactNode } from 'react';
import { formatEventDate, parseEventDate } from '../../lib/content/schema/dates';

type TimelineEventProps = { date: string; label?: string; children: ReactNode };

export function TimelineEvent({ date, label, children }: TimelineEventProps) {
  const parsed = parseEventDate(date);
  // The content build refuses a bad date with its file and line. One that reaches a page anyway
  // (stored before the rule, or another caller) is shown as written, as text: rendering stored
  // data never throws, and without a machine-readable date there is no <time>.
  return (
    <tr>
      <th scope="row">
        {parsed ? (
          <time dateTime={parsed.iso}>{label ?? formatEventDate(parsed)}</time>
        ) : (
          (label ?? String(date))
        )}
      </th>
      <td>{children}</td>
    </tr>
  );
}
