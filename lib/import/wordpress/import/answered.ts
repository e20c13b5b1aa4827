import { RESERVED_SECTION_IDS } from '@/lib/content/build/check';
import type { Existing, Plan } from './plan';

/**
 * Whether this site answers an address itself once the import is in place (the address in
 * lookupKey form: no trailing slash). A redirect from such an address would hide a page of
 * the newsroom's: an export whose old permalink is `/world/budget` must not take over the
 * newsroom's own /world/budget, nor `/search` or `/tags/…`.
 */
export function answeredBy(plan: Plan, existing: Existing): (key: string) => boolean {
  const sections = new Set([
    ...existing.sections,
    ...[...plan.sections.values()].map((section) => section.id),
  ]);
  const slugs = new Set([...existing.articles, ...[...plan.posts.values()].map((p) => p.slug)]);
  const pages = new Set([...existing.pages, ...[...plan.pages.values()].map((p) => p.path)]);
  return (key) => {
    if (!key.startsWith('/')) return false;
    if (key === '/' || key === '') return true;
    const [first = '', ...rest] = key.slice(1).split('/');
    if (RESERVED_SECTION_IDS.has(first) || first.startsWith('_')) return true;
    if (pages.has(key.slice(1))) return true;
    if (!sections.has(first)) return false;
    if (rest.length === 0) return true;
    return rest[0] === 'feed.xml' || rest[0] === 'page' || slugs.has(rest[0] ?? '');
  };
}
