/**
 * The inline runtime against the markup the server renders for it, in one reader's session:
 * the runtime listens on the document for the life of the page, so it runs once here.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { AdBlockNotice } from '@/components/ads/ad-block-notice';
import { AdSlot } from '@/components/ads/ad-slot';
import { ConsentBanner } from '@/components/ads/consent-banner';
import { PrivacyChoicesLink } from '@/components/ads/privacy-choices-link';
import { adRuntime } from './browser-runtime';

const SRC = 'https://ads.example.net/masthead.js';
const sizes = { phone: { width: 300, height: 250 }, desktop: { width: 728, height: 90 } };

describe('adRuntime', () => {
  it('asks first, loads once after consent, and asks readers with a blocker nicely', () => {
    // What a browser may hold under the key is not an answer.
    localStorage.setItem('masthead:ads-consent', 'accepted:abc');
    render(
      <>
        <AdBlockNotice />
        <div id="article-body" tabIndex={-1}>
          <AdSlot placement="article" id="article-1" sizes={sizes} provider="script" />
        </div>
        <PrivacyChoicesLink />
        <ConsentBanner partner="ads.example.net" />
      </>,
    );
    const banner = document.querySelector<HTMLElement>('[data-ad-consent]')!;
    const notice = document.querySelector<HTMLElement>('[data-ad-notice]')!;
    const scripts = () => document.head.querySelectorAll(`script[src="${SRC}"]`);
    expect(banner).not.toBeVisible();

    adRuntime({ src: SRC, provideMs: 50, emptyMs: 50 });
    expect(screen.getByRole('region', { name: 'Advertising on Masthead' })).toBe(banner);
    expect(banner).not.toContainElement(document.activeElement as HTMLElement);

    fireEvent.click(screen.getByRole('button', { name: 'No, thanks' }));
    expect(banner).not.toBeVisible();
    expect(localStorage.getItem('masthead:ads-consent')).toMatch(/^declined:\d+$/);
    expect(scripts()).toHaveLength(0);
    expect(window.mastheadAds).toBeUndefined();

    fireEvent.click(screen.getByRole('link', { name: 'Privacy choices' }));
    expect(banner).toBeVisible();
    expect(banner).toHaveTextContent('You have declined.');
    expect(screen.getByRole('heading', { name: 'Advertising on Masthead' })).toHaveFocus();

    fireEvent.click(screen.getByRole('button', { name: 'Accept ads' }));
    expect(banner).not.toBeVisible();
    expect(scripts()).toHaveLength(1);
    expect(window.mastheadAds?.version).toBe(1);
    expect(notice).not.toBeVisible();

    // The ad blocker refuses the script.
    fireEvent.error(scripts()[0]!);
    expect(screen.getByRole('region', { name: 'Our ads did not load' })).toBe(notice);
    expect(notice).not.toContainElement(document.activeElement as HTMLElement);
    expect(Number(localStorage.getItem('masthead:ads-notice-shown'))).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(notice).not.toBeVisible();
    expect(sessionStorage.getItem('masthead:ads-notice-dismissed')).not.toBeNull();
    expect(document.activeElement?.id).toBe('article-body');
    // Accepting again loads nothing twice.
    fireEvent.click(screen.getByRole('button', { hidden: true, name: 'Accept ads' }));
    expect(scripts()).toHaveLength(1);
  });

  it('is one self-contained function, as the inline script serialises it', () => {
    const source = adRuntime.toString();
    expect(source).not.toMatch(/\b(require|import)\b\s*\(/);
    expect(() => new Function(`return (${source})`)).not.toThrow();
  });
});
