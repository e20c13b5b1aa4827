import type { ItemSummary } from './collect';
import { slugify, uniqueSlug } from './slug';

import { MAX_PAGE_DEPTH } from '@/lib/content/build/page-paths';

export type PagePlan = {
  /** content/pages/<path>.mdx, and the page's address /<path>. */
  path: string;
  /** Set when the page could not sit where WordPress had it, for the report. */
  moved: string | null;
};

/**
 * An address for every page, nested as WordPress nested them (`level-1/level-2/level-3`):
 * each segment the page's clean slug, a page whose parent is not imported placed under the
 * nearest ancestor that is, one deeper than the site allows under its ancestor at that depth.
 * A path given by the last import is kept, so addresses do not move; a new one the site could
 * not give the page (`problem`: a section's address, a route of the site's own) or that is
 * `taken` (a page the newsroom has) gets a suffix, or, when its parent's path is the problem,
 * a place at the top.
 */
export function planPages(
  pages: readonly ItemSummary[],
  previous: Readonly<Record<string, string>>,
  rules: { problem: (path: string) => boolean; taken: (path: string) => boolean },
): Map<number, PagePlan> {
  const byId = new Map(pages.map((page) => [page.id, page]));
  const plans = new Map<number, PagePlan>();
  const given = new Set<string>(
    Object.entries(previous)
      .filter(([id]) => byId.has(Number(id)))
      .map(([, path]) => path),
  );
  const visiting = new Set<number>();

  const place = (page: ItemSummary): PagePlan => {
    const known = plans.get(page.id);
    if (known) return known;
    const kept = previous[String(page.id)];
    if (kept !== undefined) {
      const plan = { path: kept, moved: null };
      plans.set(page.id, plan);
      return plan;
    }
    visiting.add(page.id);
    let parentPath = '';
    let moved: string | null = null;
    const parent = page.parent ? byId.get(page.parent) : undefined;
    if (page.parent && !parent) moved = `its parent page (${page.parent}) is not imported`;
    if (parent && visiting.has(parent.id)) moved = 'its parent pages form a loop';
    else if (parent) parentPath = place(parent).path;
    if (parentPath.split('/').length >= MAX_PAGE_DEPTH) {
      parentPath = parentPath
        .split('/')
        .slice(0, MAX_PAGE_DEPTH - 1)
        .join('/');
      moved = `it is nested deeper than ${MAX_PAGE_DEPTH} levels`;
    }
    if (parentPath !== '' && rules.problem(parentPath)) {
      moved = `its parent’s address /${parentPath} is no longer one a page can have`;
      parentPath = '';
    }
    const base = slugify(page.name) || slugify(page.title) || `page-${page.id}`;
    const prefix = parentPath ? `${parentPath}/` : '';
    const segment = uniqueSlug(base, (candidate) => {
      const path = prefix + candidate;
      return given.has(path) || rules.taken(path) || rules.problem(path);
    });
    const path = prefix + segment;
    given.add(path);
    if (segment !== base && moved === null) moved = `/${prefix}${base} is taken`;
    const plan = { path, moved: moved && `placed at /${path}: ${moved}` };
    visiting.delete(page.id);
    plans.set(page.id, plan);
    return plan;
  };

  for (const page of pages) place(page);
  return plans;
}
