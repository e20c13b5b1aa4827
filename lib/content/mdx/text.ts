/** The words of an MDX body that readers read: no code, tags, link targets or markup. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/\|/g, ' ')
    .replace(/^\s*:?-{3,}:?\s*$/gm, ' ')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words too common to say what a text is about. */
export const STOPWORDS = new Set(
  'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own said same says she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves year years new one two three since told may might must per many much still even though however within without'.split(
    ' ',
  ),
);

/** Lower-cased content words, for ranking; a crude plural strip keeps "tariff" and "tariffs" together. */
export function terms(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? [];
  const out: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/'s$/, '').replace(/['-]+$/, '');
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    out.push(
      word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
  }
  return out;
}

/** Scripts written without spaces between words, where each character counts as a word. */
const CJK = '\u3040-\u309f\u4e00-\u9fff\uac00-\ud7a3';
const WORD = new RegExp(`[${CJK}]|[^\\s${CJK}]+`, 'g');

/**
 * Minutes to read the words of an article at 200 a minute, at least one: the measure the
 * reading-time package takes, counted on text already stripped of markup (that package, run on
 * the MDX, was a tenth of the whole compile).
 */
export function readingMinutes(text: string): number {
  const words = text.match(WORD)?.length ?? 0;
  return Math.max(1, Math.round(words / 200));
}
