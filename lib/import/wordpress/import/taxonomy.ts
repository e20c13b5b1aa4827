import { RESERVED_SECTION_IDS } from '@/lib/content/build/check';
import { tagSlug } from '@/lib/content/listings/tags';
import type { WxrItemCategory } from '../schema';
import type { CategoryInfo } from './collect';
import { slugify, uniqueSlug } from './slug';
import { cleanLine } from './text';

/** A section made from a top-level category (or merged into one the newsroom already has). */
export type SectionPlan = {
  id: string;
  name: string;
  description: string;
  /** False when content/sections/<id>.yaml is the newsroom's own: it is used, not written. */
  write: boolean;
};

/** The default category WordPress files a post under when none is given. */
export const UNCATEGORIZED = 'uncategorized';

/** Longest chain of parents followed: WordPress never makes a cycle, an edited export might. */
const MAX_DEPTH = 32;

/** The top-level category above a category (itself when it has no parent). */
export function topCategory(nicename: string, categories: ReadonlyMap<string, CategoryInfo>) {
  let current = nicename;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const parent = categories.get(current)?.parent;
    if (!parent || !categories.has(parent) || parent === nicename) return current;
    current = parent;
  }
  return current;
}

/** A tag as frontmatter holds it: its words, lower-case, joined by hyphens (`child-category-01`). */
export function tagOf(name: string): string {
  return cleanLine(name, 60).toLowerCase().replace(/\s+/g, '-');
}

/**
 * Sections for the top-level categories the imported posts are filed under. Ids are the
 * categories' clean slugs, kept from the last import when there was one; one the site uses
 * itself (`tags`, `search`…) gets a suffix. A section file the newsroom already has with the
 * same id is the same desk: its posts join it and the file is left alone.
 */
export function planSections(
  used: ReadonlySet<string>,
  categories: ReadonlyMap<string, CategoryInfo>,
  previous: Readonly<Record<string, string>>,
  existing: { has: (id: string) => boolean; isOurs: (id: string) => boolean },
): Map<string, SectionPlan> {
  const sections = new Map<string, SectionPlan>();
  const given = new Set<string>(Object.values(previous));
  for (const nicename of [...used].sort()) {
    const info = categories.get(nicename);
    const name =
      cleanLine(info?.name ?? '', 200) || (nicename === UNCATEGORIZED ? 'Uncategorized' : nicename);
    let id = previous[nicename];
    if (id === undefined) {
      const base = slugify(nicename) || slugify(name) || 'section';
      id = uniqueSlug(
        base,
        (candidate) => RESERVED_SECTION_IDS.has(candidate) || given.has(candidate),
      );
      given.add(id);
    }
    const description =
      cleanLine(info?.description ?? '', 500) || `Stories filed under ${name} on the old site.`;
    const write = !existing.has(id) || existing.isOurs(id);
    sections.set(nicename, { id, name, description, write });
  }
  return sections;
}

/**
 * An article's section and tags from its categories and tags: the first category's top-level
 * category is the section; that category, when it is a child, and every other category and
 * tag become tags. Tags are unique by the address their page has.
 */
export function filing(
  terms: readonly WxrItemCategory[],
  categories: ReadonlyMap<string, CategoryInfo>,
): { section: string; tags: string[]; tagTerms: { slug: string; tag: string }[] } {
  const chosen = terms.find((term) => term.domain === 'category' && term.nicename);
  const section = chosen ? topCategory(chosen.nicename, categories) : UNCATEGORIZED;
  const seen = new Set<string>();
  const tags: string[] = [];
  const tagTerms: { slug: string; tag: string }[] = [];
  for (const term of terms) {
    if (term.domain !== 'category' && term.domain !== 'post_tag') continue;
    if (term.domain === 'category' && term.nicename === section) continue;
    const name =
      term.domain === 'category' ? (categories.get(term.nicename)?.name ?? term.name) : term.name;
    const tag = tagOf(name || term.nicename);
    const key = tagSlug(tag);
    if (key === '') continue;
    if (term.domain === 'post_tag') tagTerms.push({ slug: term.nicename, tag });
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return { section, tags, tagTerms };
}
