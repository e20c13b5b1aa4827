import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorNotice } from './error-notice';

describe('ErrorNotice', () => {
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it('says what failed and what to do, with the log reference, never the error text', () => {
    const error = Object.assign(new Error('password=hunter2 at db.internal'), { digest: '12345' });
    const retry = vi.fn();
    render(
      <ErrorNotice title="Story unavailable" advice="Try again." error={error} retry={retry} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Story unavailable');
    expect(screen.getByText('12345')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('hunter2');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('shows no reference for a digest that is not one', () => {
    const error = { digest: '<script>alert(1)</script>' };
    render(<ErrorNotice title="t" advice="a" error={error} retry={() => undefined} />);
    expect(document.body).not.toHaveTextContent('Reference');
  });
});
