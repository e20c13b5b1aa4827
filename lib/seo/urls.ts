import { siteConfig } from '@/lib/site';

/** An absolute URL on this site, from SITE_URL. */
export const absoluteUrl = (pathname: string, base = siteConfig.url) =>
  new URL(pathname, base).toString();
