import { useId, type ReactNode } from 'react';

type KeyTakeawaysProps = { title?: string; children: ReactNode };

export function KeyTakeaways({ title = 'Key takeaways', children }: KeyTakeawaysProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="key-takeaways">
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
