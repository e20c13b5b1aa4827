import type { ReactNode } from 'react';

type PullQuoteProps = { cite?: string; children: ReactNode };

export function PullQuote({ cite, children }: PullQuoteProps) {
  return (
    <figure className="pull-quote">
      <blockquote>
        <p>{children}</p>
      </blockquote>
      {cite ? <figcaption>{cite}</figcaption> : null}
    </figure>
  );
}
