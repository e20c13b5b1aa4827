/** Paths the site owns at the top level; a section with one of these ids could never be reached. */
export const RESERVED_SECTION_IDS = new Set([
  'api',
  'authors',
  'tags',
  'search',
  'admin',
  'feed.xml',
  'atom.xml',
  'feed.json',
  'sitemap.xml',
  'robots.txt',
  'corrections',
  'comments',
  'privacy',
  'support',
  'images',
  // Where pages three folders deep are rendered (lib/routing/nested-pages.ts).
  'nested-page',
  '_next',
]);

/** What a slug, a section id and each folder of a page's path are written with. */
export const URL_SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
