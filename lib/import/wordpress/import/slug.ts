import { transliterate } from './transliterate';

/** Longest slug the importer makes: a readable address, far inside any file name limit. */
export const MAX_SLUG = 80;

/** What the content check accepts as a file name and an address segment. */
export const URL_SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function decodePercent(value: string): string {
  // WordPress stores non-ASCII slugs percent-encoded (`%ce%b5…`); a stray `%` is kept as text.
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A clean address segment from any slug, name or title WordPress gives: percent-encoding
 * decoded, accents dropped, Greek and Cyrillic spelt in Latin letters, and everything else
 * that is not a-z or 0-9 (bidi controls, zero-width characters, emoji, slashes, dots, NUL)
 * a single hyphen between words. Empty when nothing usable is left: the caller picks an id.
 */
export function slugify(value: string, max = MAX_SLUG): string {
  const words = transliterate(
    decodePercent(value.slice(0, 8 * max))
      .toWellFormed()
      .normalize('NFKD')
      .toLowerCase(),
  )
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/**
 * `base`, or `base-2`, `base-3`… when it is taken, still within MAX_SLUG. The caller says
 * what is taken: existing files, reserved words, slugs given earlier in the same import.
 */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; n < 1_000_000; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`no free slug like "${base}"`);
}
