import { anyLinks } from './links';

export const MAX_LINKS = 2;

export function countLinks(text: string): number {
  return anyLinks.match(text)?.length ?? 0;
}

/** COMMENTS_HOLD_WORDS: comma-separated words or phrases that send a comment to moderation. */
export function holdWordsFromEnv(env: Partial<Record<string, string>> = process.env): string[] {
  return (env.COMMENTS_HOLD_WORDS ?? '')
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Reasons to hold a comment for a person to read: too many links, or words the newsroom listed.
 * Whole words only, so "class" does not match "ass".
 */
export function holdReasons(text: string, holdWords: string[]): string[] {
  const reasons: string[] = [];
  const links = countLinks(text);
  if (links > MAX_LINKS) reasons.push(`${links} links`);
  const lower = text.toLowerCase();
  for (const word of holdWords) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower)) {
      reasons.push(`listed word "${word}"`);
    }
  }
  return reasons;
}
