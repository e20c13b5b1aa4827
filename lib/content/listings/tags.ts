import { slug } from 'github-slugger';

/** The URL form of a tag: "Ukraine war" and "ukraine-war" are one tag. */
export function tagSlug(tag: string): string {
  return slug(tag.trim());
}

/** How a tag reads to people: hyphens become spaces. */
export function tagName(tag: string): string {
  return tag.trim().replace(/-/g, ' ');
}
