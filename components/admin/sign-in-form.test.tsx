import { render, screen } from '@testing-library/react';
import { SignInForm } from './sign-in-form';

describe('SignInForm', () => {
  it('tells a browser whose own wrong passwords it waits for that it is this browser', () => {
    render(<SignInForm failed={false} wait="3 minutes" waitFor="browser" />);
    expect(
      screen.getByText('Too many wrong passwords from this browser. Try again in 3 minutes.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('tells a browser without a device cookie that it waits for its network', () => {
    render(<SignInForm failed wait="40 seconds" />);
    expect(
      screen.getByText('Too many wrong passwords from your network. Try again in 40 seconds.'),
    ).toBeInTheDocument();
  });

  it('says a wrong password is wrong, and nothing while there is nothing to say', () => {
    const { unmount } = render(<SignInForm failed />);
    expect(screen.getByText('That password is not right.')).toBeInTheDocument();
    unmount();
    render(<SignInForm failed={false} />);
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });
});
