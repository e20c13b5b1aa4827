import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AdRuntimeScript } from '@/components/ads/ad-runtime-script';
import { AdStyles } from '@/components/ads/ad-styles';
import { ConsentBanner } from '@/components/ads/consent-banner';
import { FooterSlot } from '@/components/ads/footer-slot';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { SkipLink } from '@/components/layout/skip-link';
import { ThemeScript } from '@/components/layout/theme-script';
import { getAds } from '@/lib/ads/settings';
import { getSections } from '@/lib/content/listings/queries';
import { alternates } from '@/lib/seo/urls';
import { siteConfig } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteConfig.url),
  title: {
    default: `${siteConfig.name} — ${siteConfig.tagline}`,
    template: `%s — ${siteConfig.name}`,
  },
  description: siteConfig.description,
  alternates: { types: alternates('/').types },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafaf9' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0a0a' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const sections = getSections();
  const ads = getAds();
  const script = ads?.provider === 'script' ? ads.script : undefined;
  return (
    // The theme script sets the class on <html> before React hydrates; that difference is expected.
    <html lang="en" suppressHydrationWarning>
      <body>
        <ThemeScript />
        {ads ? <AdStyles /> : null}
        <SkipLink />
        <SiteHeader sections={sections} />
        <main id="main" tabIndex={-1} className="focus:outline-none">
          {children}
        </main>
        {ads ? <FooterSlot ads={ads} /> : null}
        <SiteFooter sections={sections} privacyChoices={script !== undefined} />
        {script ? (
          <>
            <ConsentBanner partner={new URL(script.src).host} />
            <AdRuntimeScript src={script.src} />
          </>
        ) : null}
      </body>
    </html>
  );
}
