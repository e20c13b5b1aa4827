import { render } from '@testing-library/react';
import type { PublicComment } from '@/lib/comments/types';
import { CommentItem } from './comment-item';

const row = (over: Partial<PublicComment>): PublicComment => ({
  id: 1,
  parentId: null,
  name: 'Ana',
  url: null,
  body: 'Hello',
  createdAt: '2026-01-02T07:15:00.000Z',
  ...over,
});

describe('CommentItem with rows no form would have let through', () => {
  it.each([
    ['javascript:alert(1)'],
    ['http://999.1.1.1'],
    ['data:text/html,<script>alert(1)</script>'],
    ['not a url'],
  ])('shows the name without a link when the stored website is %s', (url) => {
    const { container, getByText } = render(<CommentItem comment={row({ url })} />);
    expect(container.querySelector('header a')).toBeNull();
    expect(getByText('Ana')).toBeInTheDocument();
  });

  it('renders a created date that is not a date as text', () => {
    const { container } = render(<CommentItem comment={row({ createdAt: 'not-a-date' })} />);
    expect(container.querySelector('time')).toHaveTextContent('not-a-date');
  });

  it('renders a body with an unparseable "link", NUL and escape sequences as text', () => {
    const body = 'see http://999.1.1.1\u0000 \u001b[2J';
    const { container } = render(<CommentItem comment={row({ body })} />);
    expect(container.querySelector('.comment-body a')).toBeNull();
    expect(container.querySelector('.comment-body')).toHaveTextContent('see http://999.1.1.1 [2J');
  });

  it('links a good website', () => {
    const { container } = render(<CommentItem comment={row({ url: 'https://ana.example' })} />);
    expect(container.querySelector('header a')).toHaveAttribute('href', 'https://ana.example/');
  });
});
