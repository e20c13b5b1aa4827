import { MAX_PAGE_DEPTH, pagePathProblem } from './page-paths';

const sections = new Set(['world', 'politics']);
const problem = (id: string) => pagePathProblem(id, sections)?.problem;

describe('pagePathProblem', () => {
  it.each(['about', 'about/team', 'about/team/editors', 'jobs/reporter-2027', 'support'])(
    'gives %s its address',
    (id) => {
      expect(pagePathProblem(id, sections)).toBeUndefined();
    },
  );

  it.each([
    ['a section’s address', 'world', '/world is the address of the section "world"'],
    [
      'an address under a section',
      'world/about',
      '/world/about is inside the section "world", where its articles are',
    ],
    ['the topics', 'tags', '/tags is an address the site uses itself'],
    ['a topic', 'tags/energy', '/tags/energy is an address the site uses itself'],
    ['an author', 'authors/omar', '/authors/omar is an address the site uses itself'],
    ['a page the site writes itself', 'privacy', '/privacy is an address the site uses itself'],
    [
      'the API, which no route of its own covers',
      'api/anything',
      '/api/anything is an address the site uses itself',
    ],
    ['the pictures', 'images/logo', '/images/logo is an address the site uses itself'],
    ['a listing page', 'about/page/2', '/about/page/2 is an address the site uses itself'],
    [
      'a comment form',
      'about/team/comment',
      '/about/team/comment is an address the site uses itself',
    ],
    [
      'a card',
      'about/team/opengraph-image',
      '/about/team/opengraph-image is an address the site uses itself',
    ],
    ['upper case', 'About', '"About" cannot be part of an address'],
    ['a space', 'about us', '"about us" cannot be part of an address'],
    ['a letter outside ASCII', 'caf\u00e9', '"caf\u00e9" cannot be part of an address'],
    ['a zero-width space', 'about\u200b', '"about\u200b" cannot be part of an address'],
    ['an empty folder name', 'about//team', '"" cannot be part of an address'],
    ['a dot-dot folder', '../etc', '".." cannot be part of an address'],
    [
      'too deep',
      Array.from({ length: MAX_PAGE_DEPTH + 1 }, () => 'a').join('/'),
      `/${Array.from({ length: MAX_PAGE_DEPTH + 1 }, () => 'a').join('/')} is ${MAX_PAGE_DEPTH + 1} folders deep`,
    ],
  ])('refuses %s', (_, id, expected) => {
    expect(problem(id)).toBe(expected);
  });
});
