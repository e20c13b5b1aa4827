import { Children, isValidElement, type ReactNode } from 'react';
import { INLINE_MARKS } from '../../lib/content/mdx/html-rules';

type PullQuoteProps = { cite?: string; children: ReactNode };

// What MDX renders within a line: the marks editors may write, and Markdown's images.
const INLINE = new Set([...INLINE_MARKS, 'img']);

/** Words on one line arrive bare and need a paragraph; Markdown paragraphs arrive as <p>s. */
const isWithinALine = (children: ReactNode) =>
  Children.toArray(children).every(
    (child) => !isValidElement(child) || (typeof child.type === 'string' && INLINE.has(child.type)),
  );

export function PullQuote({ cite, children }: PullQuoteProps) {
  return (
    <figure className="pull-quote">
      <blockquote>{isWithinALine(children) ? <p>{children}</p> : children}</blockquote>
      {cite ? <figcaption>{cite}</figcaption> : null}
    </figure>
  );
}
