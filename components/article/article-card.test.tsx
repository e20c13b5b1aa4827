import { render, screen } from '@testing-library/react';
import { testArticle } from '@/test/support/article-meta';
import { ArticleCard } from './article-card';

const entries = [{ id: 'update-20261207t0930z', time: '2026-12-07T09:30:00.000Z' }];

describe('ArticleCard', () => {
  it('marks a live story whose coverage runs, beside its section', () => {
    render(
      <ArticleCard article={testArticle('storm', { liveBlog: { entries } })} sectionName="World" />,
    );
    expect(screen.getByText('Live')).toHaveClass('live-mark');
    expect(screen.getByText('World')).toBeVisible();
  });

  it.each([
    [
      'a live story whose coverage has ended',
      { liveBlog: { ended: '2026-12-07T18:00:00.000Z', entries } },
    ],
    ['an ordinary story', {}],
  ])('does not mark %s', (_, over) => {
    render(<ArticleCard article={testArticle('storm', over)} sectionName="World" />);
    expect(screen.queryByText('Live')).toBeNull();
    expect(screen.getByText('World')).toBeVisible();
  });
});
