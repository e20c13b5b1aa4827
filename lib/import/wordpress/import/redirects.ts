import { tagSlug } from '@/lib/content/listings/tags';
import type { Collected } from './collect';
import { fromKey } from '@/lib/content/redirects/addresses';
import { oldPath, type OldSite } from './old-paths';
import type { Plan } from './plan';
import { tagOf, topCategory } from './taxonomy';

/** What the redirects need beyond the plan: the pictures that came across. */
export type RedirectInput = {
  site: OldSite;
  /** Whether an address (redirectKey form) is the site's own or redirected elsewhere already. */
  taken: (key: string) => boolean;
  collected: Collected;
  plan: Plan;
  /** Picture URL → its site path, for every picture now in public/. */
  pictures: ReadonlyMap<string, string>;
};

/**
 * The key the content check and the proxy match an old address by (any case, any
 * percent-encoding, with or without the trailing slash), or null when it can be no redirect.
 */
export function redirectKey(address: string): string | null {
  const result = fromKey(address);
  return 'key' in result ? result.key : null;
}

/** Old address → new address; the first claim on an address wins. */
export class Redirects {
  readonly map = new Map<string, string>();
  private readonly byKey = new Map<string, string>();

  /**
   * `taken(key)`: whether the address is the site's own (a page, a section, a route) or is
   * redirected by another file of content/redirects/: the content check refuses a redirect
   * that would hide the one or repeat the other.
   */
  constructor(private readonly taken: (key: string) => boolean = () => false) {}

  add(from: string | null, to: string): void {
    if (from === null || !to.startsWith('/') || to.startsWith('//')) return;
    const key = redirectKey(from);
    if (key === null || this.byKey.has(key) || this.taken(key)) return;
    // An address that is already the new one (/about/ → /about) would redirect to itself.
    if (redirectKey(to) === key) return;
    this.byKey.set(key, to);
    this.map.set(from, to);
  }

  /** The new address for an old one, matched as the proxy matches it. */
  resolve(from: string): string | undefined {
    const key = redirectKey(from);
    return key === null ? undefined : this.byKey.get(key);
  }

  /**
   * Sorted by old address, so the same export always writes the same file. A `to` that is
   * itself an old address here (an earlier import's page now redirected) leads straight to
   * where that one goes; one that goes round in a circle is left out. The content check
   * refuses chains and loops.
   */
  entries(): { from: string; to: string }[] {
    const out: { from: string; to: string }[] = [];
    for (const [from, to] of this.map) {
      let target = to;
      const seen = new Set([redirectKey(from)]);
      for (let next = this.resolve(target); next !== undefined; next = this.resolve(target)) {
        const key = redirectKey(target);
        if (seen.has(key)) break;
        seen.add(key);
        target = next;
      }
      if (this.resolve(target) === undefined) out.push({ from, to: target });
    }
    return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }
}

const isPublic = (kind: string) => kind === 'live' || kind === 'scheduled';

/**
 * Every old address that has a new one, in order of claim: posts and pages first (their
 * permalinks, `?p=`, `?page_id=`), then attachment pages, categories, tags, authors, feeds
 * and pictures. Drafts get none: their old address was never public, and a redirect would
 * tell anyone the new one.
 */
export function buildRedirects(input: RedirectInput): Redirects {
  const { site, collected, plan, pictures } = input;
  const redirects = new Redirects(input.taken);
  const at = (path: string) => oldPath(`${site.base}${path}`, site);
  const postUrl = new Map<number, string>();
  for (const item of collected.items) {
    const target = item.type === 'post' ? plan.posts.get(item.id) : plan.pages.get(item.id);
    if (!target || !isPublic(target.disposition.kind)) continue;
    postUrl.set(item.id, target.url);
    redirects.add(oldPath(item.link, site), target.url);
    redirects.add(at(item.type === 'post' ? `/?p=${item.id}` : `/?page_id=${item.id}`), target.url);
    if (item.type === 'page') redirects.add(at(`/?p=${item.id}`), target.url);
  }
  for (const [id, attachment] of collected.attachments) {
    const to = postUrl.get(attachment.parent) ?? pictures.get(attachment.url);
    if (to === undefined) continue;
    redirects.add(oldPath(attachment.link, site), to);
    redirects.add(at(`/?attachment_id=${id}`), to);
  }
  for (const nicename of [...collected.usedCategories].sort()) {
    const top = topCategory(nicename, collected.categories);
    const section = plan.sections.get(top);
    if (!section) continue;
    const chain = categoryChain(nicename, collected);
    const info = collected.categories.get(nicename);
    const to =
      nicename === top ? `/${section.id}` : `/tags/${tagSlug(tagOf(info?.name || nicename))}`;
    for (const path of new Set([`/category/${chain}/`, `/category/${nicename}/`])) {
      redirects.add(at(path), to);
      redirects.add(at(`${path}feed/`), `/${section.id}/feed.xml`);
    }
    if (info?.termId != null) redirects.add(at(`/?cat=${info.termId}`), to);
  }
  for (const [slug, name] of [...collected.usedTags].sort()) {
    const to = `/tags/${tagSlug(tagOf(name || slug))}`;
    if (to === '/tags/') continue;
    redirects.add(at(`/tag/${slug}/`), to);
    redirects.add(at(`/?tag=${slug}`), to);
  }
  for (const [key, author] of plan.authors) {
    if (key === '') continue;
    const to = `/authors/${author.id}`;
    const record = collected.authors.get(key);
    // WordPress's author address uses user_nicename, which exports do not carry: it is the
    // login made URL-safe (sanitize_title), so both spellings are given.
    const login = record?.login ?? key;
    redirects.add(at(`/author/${encodeURIComponent(login)}/`), to);
    redirects.add(at(`/author/${login.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}/`), to);
    if (record?.id != null) redirects.add(at(`/?author=${record.id}`), to);
  }
  for (const [feed, to] of FEEDS) redirects.add(at(feed), to);
  for (const [url, sitePath] of pictures) {
    const from = oldPath(url, site);
    if (from !== null && from.includes('/wp-content/uploads/')) redirects.add(from, sitePath);
  }
  return redirects;
}

const FEEDS: readonly [string, string][] = [
  ['/feed/', '/feed.xml'],
  ['/feed/rss2/', '/feed.xml'],
  ['/feed/rss/', '/feed.xml'],
  ['/feed/rdf/', '/feed.xml'],
  ['/feed/atom/', '/atom.xml'],
  ['/?feed=rss2', '/feed.xml'],
  ['/?feed=rss', '/feed.xml'],
  ['/?feed=rdf', '/feed.xml'],
  ['/?feed=atom', '/atom.xml'],
];

/** `parent/child`: WordPress's own address for a child category is /category/parent/child/. */
function categoryChain(nicename: string, collected: Collected): string {
  const chain = [nicename];
  let current = collected.categories.get(nicename)?.parent;
  while (current && collected.categories.has(current) && chain.length < 32) {
    if (chain.includes(current)) break;
    chain.unshift(current);
    current = collected.categories.get(current)?.parent;
  }
  return chain.join('/');
}
