import { closest, distance } from 'fastest-levenshtein';

/** "did you mean `omar-el-sayed`?" — the nearest known id, when it is near enough to be a typo. */
export function didYouMean(value: string, known: string[]): string {
  if (known.length === 0) return '';
  const guess = closest(value, known);
  return distance(value, guess) <= Math.max(2, Math.floor(guess.length / 3))
    ? `; did you mean \`${guess}\`?`
    : '';
}
