import { render } from '@testing-library/react';
import { CommentBody } from './comment-body';

describe('CommentBody', () => {
  it.each([
    ['<script>alert(1)</script>', 'script'],
    ['<img src=x onerror="alert(1)">', 'img'],
    ['<a href="javascript:alert(1)">click</a>', 'a'],
  ])('shows %s as text, creating no element', (payload, tag) => {
    const { container } = render(<CommentBody body={payload} />);
    expect(container.querySelector(tag)).toBeNull();
    expect(container.textContent).toBe(payload);
  });

  it('does not link a javascript: address', () => {
    const { container } = render(<CommentBody body="javascript:alert(document.cookie)" />);
    expect(container.querySelector('a')).toBeNull();
  });

  it('drops right-to-left overrides so text reads as typed', () => {
    const { container } = render(<CommentBody body={'file\u202Efdp.exe'} />);
    expect(container.textContent).toBe('filefdp.exe');
  });

  it('links web addresses as user content, and keeps paragraphs', () => {
    const { container } = render(
      <CommentBody body={'First https://example.com\n\nSecond\nline'} />,
    );
    const link = container.querySelector('a');
    expect(link).toHaveAttribute('href', 'https://example.com');
    expect(link).toHaveAttribute('rel', 'nofollow ugc');
    const paragraphs = container.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[1]?.innerHTML).toBe('Second<br>line');
  });
});
