import { absoluteUrl } from './urls';

/**
 * robots.txt: everything but moderation and reply pages, and where the sitemaps are. A route of
 * our own rather than Next's `robots.ts`, for the same reason as the sitemap (docs/decisions/008).
 */
export function robotsTxt(siteUrl: string): string {
  return [
    'User-Agent: *',
    'Allow: /',
    'Disallow: /admin/',
    'Disallow: /comments/',
    '',
    `Sitemap: ${absoluteUrl('/sitemap.xml', siteUrl)}`,
    `Sitemap: ${absoluteUrl('/news-sitemap.xml', siteUrl)}`,
    '',
  ].join('\n');
}
