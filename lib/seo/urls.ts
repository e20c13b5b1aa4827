import { siteConfig } from '@/lib/site';

/** An absolute URL on this site, from SITE_URL. */
export const absoluteUrl = (pathname: string, base = siteConfig.url) =>
  new URL(pathname, base).toString();

const SITE_FEEDS = {
  'application/rss+xml': '/feed.xml',
  'application/atom+xml': '/atom.xml',
  'application/feed+json': '/feed.json',
};

/**
 * A page's canonical URL and its feed links. Next replaces, not merges, `alternates` from the
 * layout, so every page that sets a canonical URL sets the site's feeds again through this.
 */
export function alternates(canonical: string, feeds: Record<string, string> = {}) {
  return { canonical, types: { ...SITE_FEEDS, ...feeds } };
}
