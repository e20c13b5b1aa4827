import type { ReactNode } from 'react';
import { TableRegion } from './table-region';

type TimelineProps = { caption: string; children: ReactNode };

/** A dated sequence of events, read as a table: the date heads each row. */
export function Timeline({ caption, children }: TimelineProps) {
  return (
    <TableRegion label={`Timeline: ${caption}`}>
      <table className="timeline">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableRegion>
  );
}
