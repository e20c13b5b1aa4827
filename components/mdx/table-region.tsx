import type { ReactNode } from 'react';

type TableRegionProps = { label: string; children: ReactNode };

/** A table that scrolls sideways on its own on narrow screens, reachable and named for keyboards. */
export function TableRegion({ label, children }: TableRegionProps) {
  return (
    // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
    <div className="table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
