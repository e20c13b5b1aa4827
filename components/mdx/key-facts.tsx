import type { ReactNode } from 'react';
import { TableRegion } from './table-region';

type KeyFactsProps = { caption: string; children: ReactNode };

/** Label and fact side by side: the at-a-glance box of a news story. */
export function KeyFacts({ caption, children }: KeyFactsProps) {
  return (
    <TableRegion label={`Key facts: ${caption}`}>
      <table className="key-facts">
        <caption>{caption}</caption>
        <tbody>{children}</tbody>
      </table>
    </TableRegion>
  );
}
