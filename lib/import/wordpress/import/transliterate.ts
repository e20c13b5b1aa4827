/**
 * Latin letters for the scripts newsrooms most often write slugs in besides Latin itself, so
 * that a Greek or Russian page keeps a readable address (`/greek/epipedo-2`) instead of a
 * number. Accents are gone before this runs (NFKD, marks dropped): `ά` arrives as `α`. Scripts
 * not listed (Arabic, Hebrew, CJK…) give no letters, and the caller falls back to an id.
 */
const TABLE = [
  // Greek (ELOT 743, simplified)
  'α=a β=v γ=g δ=d ε=e ζ=z η=i θ=th ι=i κ=k λ=l μ=m ν=n ξ=x ο=o π=p ρ=r σ=s ς=s τ=t υ=y φ=f',
  'χ=ch ψ=ps ω=o',
  // Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian; BGN/PCGN, simplified)
  'а=a б=b в=v г=g ґ=g д=d ђ=dj е=e є=ye ж=zh з=z и=i і=i ї=yi й=y ј=j к=k л=l љ=lj м=m н=n',
  'њ=nj о=o п=p р=r с=s т=t ћ=c у=u ў=u ф=f х=kh ц=ts ч=ch џ=dz ш=sh щ=shch ъ= ы=y ь= э=e',
  'ю=yu я=ya',
  // Latin letters NFKD leaves whole
  'ß=ss æ=ae œ=oe ø=o đ=d ð=d þ=th ł=l ı=i ħ=h ŧ=t',
].join(' ');

const LETTERS: ReadonlyMap<string, string> = new Map(
  TABLE.split(' ').map((pair) => {
    const [from = '', to = ''] = pair.split('=');
    return [from, to];
  }),
);

/** Lower-case, accent-free text with Greek and Cyrillic letters spelt in Latin ones. */
export function transliterate(lower: string): string {
  let out = '';
  for (const char of lower) out += LETTERS.get(char) ?? char;
  return out;
}
