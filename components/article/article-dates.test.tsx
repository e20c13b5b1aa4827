import { render } from '@testing-library/react';
import { ArticleDates } from './article-dates';

describe('ArticleDates', () => {
  it('gives published and updated dates as machine-readable times, with reading time', () => {
    const { container } = render(
      <ArticleDates
        published="2026-01-02T07:15:00.000Z"
        updated="2026-01-03T10:00:00.000Z"
        readingMinutes={6}
      />,
    );
    const times = [...container.querySelectorAll('time')];
    expect(times.map((t) => [t.getAttribute('datetime'), t.textContent])).toEqual([
      ['2026-01-02T07:15:00.000Z', '2 January 2026'],
      ['2026-01-03T10:00:00.000Z', '3 January 2026'],
    ]);
    expect(container).toHaveTextContent('Published 2 January 2026Updated 3 January 20266 min read');
  });

  it('says nothing of updates when there were none', () => {
    const { container } = render(
      <ArticleDates published="2026-01-02T07:15:00.000Z" readingMinutes={1} />,
    );
    expect(container).not.toHaveTextContent('Updated');
    expect(container.querySelectorAll('time')).toHaveLength(1);
  });
});

describe('ArticleDates on a live story', () => {
  it('gives the times of day and no reading time', () => {
    const { container } = render(
      <ArticleDates
        published="2026-12-07T06:00:00.000Z"
        updated="2026-12-07T09:30:00.000Z"
        precise
      />,
    );
    expect(container).toHaveTextContent(
      'Published 7 December 2026, 06:00 UTCUpdated 7 December 2026, 09:30 UTC',
    );
    expect(container).not.toHaveTextContent('min read');
  });
});
