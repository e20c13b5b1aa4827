import { render, screen } from '@testing-library/react';
import { AdSlot } from './ad-slot';

const sizes = { phone: { width: 300, height: 250 }, desktop: { width: 728, height: 90 } };

describe('AdSlot', () => {
  it('reserves each screen size before anything loads and says what it is', () => {
    render(<AdSlot placement="article" id="article-1" sizes={sizes} provider="script" />);
    const slot = screen.getByRole('group', { name: 'Advertisement' });
    expect(slot.style.getPropertyValue('--ad-h-phone')).toBe('250px');
    expect(slot.style.getPropertyValue('--ad-w-desktop')).toBe('728px');
    expect(slot).toHaveTextContent('Advertisement');
    const box = slot.querySelector('[data-ad-slot="article-1"]');
    expect(box).toHaveAttribute('data-ad-phone', '300x250');
    expect(box).toHaveAttribute('data-ad-desktop', '728x90');
    // A script provider's box is empty until the provider fills it.
    expect(box?.childElementCount).toBe(0);
  });

  it('is a landmark of its own above the footer, and shows a house promotion as text', () => {
    render(
      <AdSlot
        placement="footer"
        id="footer"
        sizes={sizes}
        provider="house"
        landmark
        promotion={{
          title: '<b>Briefing</b>',
          text: 'Daily.',
          href: 'https://news.example/brief',
          action: 'Sign up',
        }}
      />,
    );
    const slot = screen.getByRole('complementary', { name: 'Advertisement' });
    const link = screen.getByRole('link', { name: /<b>Briefing<\/b>/ });
    expect(slot).toContainElement(link);
    expect(link).toHaveAttribute('href', 'https://news.example/brief');
    expect(slot.querySelector('b')).toBeNull();
  });
});
