/** Sample content the e2e tests read; written by us in content/. */
export const KIM = {
  url: '/world/kim-new-year-message-putin-alliance',
  title: "Kim tells Putin the two countries now share 'blood, life and death'",
  section: 'World',
};
export const STYLE_GUIDE = '/technology/style-guide';
export const AUTHOR = {
  url: '/authors/omar-el-sayed',
  name: 'Omar El Sayed',
  role: 'World Editor',
};

export const PAGES = {
  front: '/',
  section: '/world',
  article: KIM.url,
  'style guide': STYLE_GUIDE,
  author: AUTHOR.url,
  'section page 2': '/world/page/2',
  // A running live story (issue 21): its key events, pinned entry, pages and island.
  'live story': '/politics/hollisport-transit-strike-live',
  'live story page 2': '/politics/hollisport-transit-strike-live/page/2',
  topics: '/tags',
  topic: '/tags/north-korea',
  search: '/search?q=russia+energy',
  corrections: '/corrections',
  'not found': '/world/no-such-story',
} as const;
