import type { SearchCorrection } from './plan';

/**
 * What the page says when a search was not run as typed: misspelt words searched as the word
 * they most likely meant (no story has them as typed), and words past the limit left out.
 * Plain text, rendered as text: a query's words are the reader's own.
 */
export function correctionNotice(words: string[], corrections: SearchCorrection[]) {
  if (corrections.length === 0) return undefined;
  const typed = corrections.map((c) => `“${c.typed}”`).join(' or ');
  return `Showing results for ${words.join(' ')}: no story has ${typed}.`;
}

export function leftOutNotice(words: string[], leftOut: string[]) {
  if (leftOut.length === 0) return undefined;
  const searched = words.length === 1 ? 'word' : `${words.length} words`;
  const more = `${leftOut.length} more ${leftOut.length === 1 ? 'was' : 'were'}`;
  return `Searched for the first ${searched} (${words.join(', ')}); ${more} left out.`;
}
