import type { ReactNode } from 'react';
import type { CalloutTone } from '../../lib/content/mdx/component-rules';

type CalloutProps = { tone?: CalloutTone; title?: string; children: ReactNode };

const TONE_NAMES: Record<CalloutTone, string> = {
  note: 'Note',
  warning: 'Warning',
  analysis: 'Analysis',
};

/**
 * A boxed aside in the flow of the story. It is a role="note" rather than an <aside>, because
 * complementary landmarks belong at the top level of the page, not inside the article.
 */
export function Callout({ tone = 'note', title, children }: CalloutProps) {
  const name = TONE_NAMES[tone];
  return (
    <div
      role="note"
      aria-label={title ? `${name}: ${title}` : name}
      className="callout"
      data-tone={tone}
    >
      <p className="callout-title">
        <span className="callout-tone">{name}</span>
        {title ? <span>{title}</span> : null}
      </p>
      <div className="callout-body">{children}</div>
    </div>
  );
}
