/** A whole number above zero from the environment, or the default for anything else. */
function positive(value: string | undefined, otherwise: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : otherwise;
}

/** Site-wide settings; SITE_URL makes canonical links point at the real domain. */
export const siteConfig = {
  name: 'Masthead',
  tagline: 'News, explained',
  description: 'Independent reporting on world affairs, politics, business and technology.',
  url: process.env.SITE_URL ?? 'http://localhost:3000',
  logo: '/logo.png',
  /** How many stories the front page lists under the lead. */
  latestCount: 6,
  /** How many stories each section block on the front page shows. */
  sectionBlockCount: 4,
  /** How many "You may also like" cards an article shows. */
  relatedCount: 4,
  /** Articles per page on section, tag and author listings. */
  pageSize: positive(process.env.MASTHEAD_PAGE_SIZE, 20),
  /** A live story's entries per page; older ones are at <story>/page/2 and on (decision 030). */
  liveEntriesPerPage: positive(process.env.MASTHEAD_LIVE_PAGE_SIZE, 20),
  /** Articles in each feed. */
  feedSize: 50,
};
