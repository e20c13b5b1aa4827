import { render, screen } from '@testing-library/react';
import type { AuthorMeta } from '@/lib/content/schema/types';
import { Byline } from './byline';

const author = (id: string, name: string, role?: string): AuthorMeta => ({
  id,
  name,
  ...(role ? { role } : {}),
  url: `/authors/${id}`,
  bioCode: '',
});

describe('Byline', () => {
  it('reads "By Name, Role" and links to the author', () => {
    const { container } = render(
      <Byline authors={[author('omar', 'Omar El Sayed', 'World Editor')]} />,
    );
    expect(container).toHaveTextContent('By Omar El Sayed, World Editor');
    expect(screen.getByRole('link', { name: 'Omar El Sayed' })).toHaveAttribute(
      'href',
      '/authors/omar',
    );
  });

  it('joins several authors with commas and "and"', () => {
    const { container } = render(
      <Byline
        authors={[author('a', 'Ann', 'Editor'), author('b', 'Ben'), author('c', 'Cy', 'Reporter')]}
      />,
    );
    expect(container).toHaveTextContent('By Ann, Editor, Ben and Cy, Reporter');
    expect(screen.getAllByRole('link')).toHaveLength(3);
  });
});
