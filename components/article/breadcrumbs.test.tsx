import { render, screen, within } from '@testing-library/react';
import { Breadcrumbs } from './breadcrumbs';

it('marks the last crumb as the current page inside a labelled nav', () => {
  render(
    <Breadcrumbs
      trail={[
        { name: 'Home', href: '/' },
        { name: 'World', href: '/world' },
        { name: 'Headline', href: '/world/headline' },
      ]}
    />,
  );
  const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
  const links = within(nav).getAllByRole('link');
  expect(links.map((a) => a.textContent)).toEqual(['Home', 'World', 'Headline']);
  expect(links[2]).toHaveAttribute('aria-current', 'page');
  expect(links[0]).not.toHaveAttribute('aria-current');
  expect(within(nav).getAllByRole('listitem')).toHaveLength(3);
});
