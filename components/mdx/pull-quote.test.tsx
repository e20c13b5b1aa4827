import { render } from '@testing-library/react';
import { PullQuote } from './pull-quote';

describe('PullQuote', () => {
  it('keeps the quote and who said it together', () => {
    const { container } = render(<PullQuote cite="Ha Ji-won, researcher">Quoted words</PullQuote>);
    const figure = container.querySelector('figure');
    expect(figure?.querySelector('blockquote')).toHaveTextContent('Quoted words');
    expect(figure?.querySelector('figcaption')).toHaveTextContent('Ha Ji-won, researcher');
  });

  it('leaves out the caption when nobody is cited', () => {
    const { container } = render(<PullQuote>Unattributed</PullQuote>);
    expect(container.querySelector('figcaption')).toBeNull();
  });

  it('does not wrap Markdown paragraphs in another paragraph', () => {
    const { container } = render(
      <PullQuote>
        <p>First.</p>
        <p>Second.</p>
      </PullQuote>,
    );
    expect(container.querySelectorAll('blockquote > p')).toHaveLength(2);
    expect(container.querySelector('p p')).toBeNull();
  });
});
