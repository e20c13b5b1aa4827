import { DEEP_PAGE_ROUTE, NESTED_PAGE_PREFIX } from './nested-pages';
import { pageCount, type RouteTable } from './route-table';

/**
 * Whether a path names something that exists, decided before Next renders anything
 * (docs/decisions/011). `preview`: only a draft or a scheduled article is there, which a
 * previewing editor may open and a reader may not.
 */
export type RouteDecision = 'allow' | 'preview' | 'not-found';

/** A route parameter by name, as the page would receive it. */
type Param = (name: string) => string;
type Rule = {
  /** The route as app/ spells it; a `[name]` segment is a parameter. */
  route: string;
  decide: (param: Param, table: RouteTable) => RouteDecision;
};

const allow = (): RouteDecision => 'allow';
const when = (exists: boolean): RouteDecision => (exists ? 'allow' : 'not-found');

/** Pages 2…n of a listing; page 1 lives at the listing's own address, "02" at none. */
function laterPage(page: string, count: number | undefined, pageSize: number): RouteDecision {
  if (count === undefined || !/^[1-9]\d{0,8}$/.test(page)) return 'not-found';
  return when(Number(page) >= 2 && Number(page) <= pageCount(count, pageSize));
}

function article(param: Param, table: RouteTable): RouteDecision {
  if (table.published.get(param('slug')) === param('section')) return 'allow';
  return table.unpublished.get(param('slug')) === param('section') ? 'preview' : 'not-found';
}

/** A published article's own pages: its card and its comment form take no drafts. */
const publishedArticle = (param: Param, table: RouteTable) =>
  when(table.published.get(param('slug')) === param('section'));

/** A page of the newsroom's own at this path (content/pages/<path>.mdx), a draft only in preview. */
function page(path: string, table: RouteTable): RouteDecision {
  if (table.pages.has(path)) return 'allow';
  return table.draftPages.has(path) ? 'preview' : 'not-found';
}

/**
 * The routes a page of the newsroom's own is rendered by, besides sections and articles: the
 * content check keeps a page's path off every other route, and off sections and their articles
 * (lib/content/build/check-pages.ts).
 */
export const PAGE_ROUTES = ['/[section]', '/[section]/[slug]', DEEP_PAGE_ROUTE];

/**
 * Every route in app/, with what makes a path under it real. `lib/routing/decide.test.ts`
 * fails when app/ gains a route that is not listed here.
 */
export const RULES: Rule[] = [
  ...[
    '/',
    '/search',
    '/tags',
    '/corrections',
    '/privacy',
    '/support',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/robots.txt',
    '/icon.png',
    '/apple-icon.png',
    '/admin/comments',
    '/admin/preview',
    '/api/preview',
    '/api/preview/exit',
    '/api/publish',
    '/api/revalidate',
    '/api/health',
  ].map((route) => ({ route, decide: allow })),
  {
    route: '/[section]',
    decide: (p, t) => (t.sections.has(p('section')) ? 'allow' : page(p('section'), t)),
  },
  {
    route: '/[section]/page/[page]',
    decide: (p, t) => laterPage(p('page'), t.sections.get(p('section')), t.pageSize),
  },
  { route: '/[section]/feed.xml', decide: (p, t) => when(t.sections.has(p('section'))) },
  {
    route: '/[section]/[slug]',
    decide: (p, t) => {
      const story = article(p, t);
      return story === 'not-found' ? page(`${p('section')}/${p('slug')}`, t) : story;
    },
  },
  // A page two deep (/about/team) has a card like an article's, drawn from its title.
  {
    route: '/[section]/[slug]/opengraph-image',
    decide: (p, t) =>
      publishedArticle(p, t) === 'allow' || t.pages.has(`${p('section')}/${p('slug')}`)
        ? 'allow'
        : 'not-found',
  },
  // Pages three deep and more (/about/team/editors); shorter ones are under the two above.
  // No route in app/ has this address: next.config.js rewrites it to the one below.
  {
    route: DEEP_PAGE_ROUTE,
    decide: (p, t) => page(`${p('section')}/${p('slug')}/${p('path')}`, t),
  },
  // Where those are rendered; asked for by its own address, it names nothing.
  { route: `${NESTED_PAGE_PREFIX}/[...path]`, decide: () => 'not-found' },
  // A live story's older entries (decision 030); an ordinary article has no later pages.
  {
    route: '/[section]/[slug]/page/[page]',
    decide: (p, t) =>
      publishedArticle(p, t) === 'allow'
        ? laterPage(p('page'), t.liveEntries.get(p('slug')), t.livePageSize)
        : 'not-found',
  },
  // What a live story's open pages poll for new entries (decision 032): no other article has it.
  {
    route: '/[section]/[slug]/live.json',
    decide: (p, t) => when(publishedArticle(p, t) === 'allow' && t.liveEntries.has(p('slug'))),
  },
  // The comment form on a page of its own, where a post without JavaScript lands on an error.
  { route: '/[section]/[slug]/comment', decide: publishedArticle },
  { route: '/tags/[tag]', decide: (p, t) => when(t.tags.has(p('tag'))) },
  {
    route: '/tags/[tag]/page/[page]',
    decide: (p, t) => laterPage(p('page'), t.tags.get(p('tag')), t.pageSize),
  },
  { route: '/authors/[id]', decide: (p, t) => when(t.authors.has(p('id'))) },
  {
    route: '/authors/[id]/page/[page]',
    decide: (p, t) => laterPage(p('page'), t.authors.get(p('id')), t.pageSize),
  },
  // Comments live in the database, not the content index; the page looks the id up itself and
  // is rendered on every request, never cached. Only the id's form is checked here.
  { route: '/comments/[id]/reply', decide: (p) => when(/^[1-9]\d{0,15}$/.test(p('id'))) },
];

type Compiled = {
  /** The fixed segments, literal or `[name]`; a catch-all `[...name]` is kept apart in `rest`. */
  segments: string[];
  params: (string | undefined)[];
  rest?: string;
  rule: Rule;
};

/**
 * Rules with more literal segments first, position by position, as Next matches them:
 * `/tags/x` is a topic, never a section called "tags"; `/world/feed.xml` a feed, not an article.
 * A catch-all comes after every rule it could shadow: `/a/b/comment` is a comment form.
 */
const compiled: Compiled[] = RULES.map((rule) => {
  const segments = rule.route.split('/').slice(1).filter(Boolean);
  const last = segments.at(-1);
  const rest = last?.startsWith('[...') ? last.slice(4, -1) : undefined;
  if (rest !== undefined) segments.pop();
  const params = segments.map((s) => (s.startsWith('[') ? s.slice(1, -1) : undefined));
  return { segments, params, ...(rest === undefined ? {} : { rest }), rule };
}).sort((a, b) => {
  for (let i = 0; i < Math.min(a.params.length, b.params.length); i++) {
    const order = Number(a.params[i] !== undefined) - Number(b.params[i] !== undefined);
    if (order !== 0) return order;
  }
  return Number(a.rest !== undefined) - Number(b.rest !== undefined);
});

/** Longer than any slug, tag or id the content check accepts, and far shorter than abuse. */
const MAX_PATH = 1024;

/**
 * One segment as the page would receive it, or undefined unless it is written the one way a
 * link on the site writes it: `kim%2Dnew` would be a second address for `kim-new`. Hex case is
 * the client's choice. A slash inside a segment (`%2F`, `%5C`), a dot segment, a NUL or another
 * control character names nothing on the site, nor a file in public/.
 */
function segment(raw: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (encodeURIComponent(decoded).toLowerCase() !== raw.toLowerCase()) return undefined;
  if (decoded === '' || decoded === '.' || decoded === '..') return undefined;
  return /[/\\\p{Cc}]/u.test(decoded) ? undefined : decoded;
}

/**
 * The decoded segments of a URL path (`request.nextUrl.pathname`: percent-encoded, dot segments
 * already resolved), or undefined if any segment is not in its one canonical form. An empty
 * segment (`//`, a trailing slash) is never a page's address either.
 */
export function pathSegments(pathname: string): string[] | undefined {
  if (pathname.length > MAX_PATH || !pathname.startsWith('/')) return undefined;
  if (pathname === '/') return [];
  const segments: string[] = [];
  for (const part of pathname.slice(1).split('/')) {
    const decoded = segment(part);
    if (decoded === undefined) return undefined;
    segments.push(decoded);
  }
  return segments;
}

/** The rule Next would route these segments to, with the parameters it would pass. */
export function matchRoute(
  segments: string[],
): { route: string; param: Param; decide: Rule['decide'] } | undefined {
  for (const { segments: pattern, params, rest, rule } of compiled) {
    const fits =
      rest === undefined ? pattern.length === segments.length : segments.length > pattern.length;
    if (!fits) continue;
    const found = new Map<string, string>();
    let matches = true;
    pattern.forEach((literal, i) => {
      const name = params[i];
      if (name !== undefined) found.set(name, segments[i] ?? '');
      else if (literal !== segments[i]) matches = false;
    });
    if (!matches) continue;
    if (rest !== undefined) found.set(rest, segments.slice(pattern.length).join('/'));
    return { route: rule.route, param: (name) => found.get(name) ?? '', decide: rule.decide };
  }
  return undefined;
}

/** The decision for a URL path, as `request.nextUrl.pathname` gives it. */
export function decideRoute(pathname: string, table: RouteTable): RouteDecision {
  const segments = pathSegments(pathname);
  const match = segments && matchRoute(segments);
  return match ? match.decide(match.param, table) : 'not-found';
}
