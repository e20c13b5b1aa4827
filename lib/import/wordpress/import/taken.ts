import { RESERVED_SECTION_IDS } from '@/lib/content/build/check';
import type { Existing, Plan } from './plan';

/**
 * Whether an old address is taken once the import is in place (the address as redirectKey
 * gives it: lower case, no trailing slash): answered by the site itself, or redirected by
 * another file of content/redirects/. A redirect from the one would hide a page of the
 * newsroom's (an old permalink `/world/budget` must not take over its own /world/budget, nor
 * `/search` or `/tags/…`); from the other, it would say twice where an address goes. The
 * content check refuses both; this keeps the importer from writing them.
 */
export function takenBy(
  plan: Plan,
  existing: Existing,
  elsewhere: ReadonlySet<string>,
): (key: string) => boolean {
  const sections = new Set([
    ...existing.sections,
    ...[...plan.sections.values()].map((section) => section.id),
  ]);
  const slugs = new Set([...existing.articles, ...[...plan.posts.values()].map((p) => p.slug)]);
  const pages = new Set([...existing.pages, ...[...plan.pages.values()].map((p) => p.path)]);
  return (key) => {
    if (elsewhere.has(key)) return true;
    if (!key.startsWith('/') || key.includes('?')) return false;
    if (key === '/' || key === '') return true;
    const [first = '', ...rest] = key.slice(1).split('/');
    if (RESERVED_SECTION_IDS.has(first) || first.startsWith('_')) return true;
    if (pages.has(key.slice(1))) return true;
    if (!sections.has(first)) return false;
    if (rest.length === 0) return true;
    return rest[0] === 'feed.xml' || rest[0] === 'page' || slugs.has(rest[0] ?? '');
  };
}
