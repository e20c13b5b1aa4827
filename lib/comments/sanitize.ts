/**
 * What may stand in a reader's text. Control characters (NUL among them), invisible format
 * characters and noncharacters change how text displays, hide text inside text, or break
 * storage and terminals; no language needs them, except the joiners (U+200C, U+200D) that
 * Persian, the Indic scripts and emoji sequences rely on, and the tag characters that spell
 * out a subdivision flag (🏴 + tags + cancel tag).
 */
const UNWANTED =
  /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|[\p{Cc}\p{Cf}\p{Noncharacter_Code_Point}\u115F\u1160\u3164\uFFA0]/gu;

const KEEP_ALWAYS = new Set(['\u200C', '\u200D']);

type CleanOptions = { multiline: boolean };

/**
 * Makes a reader's text safe to store and show: well-formed Unicode in NFC, one kind of line
 * break, no invisible or control characters. Single-line fields also lose line breaks and tabs.
 * Total: any string in, a string out.
 */
export function cleanText(value: string, { multiline }: CleanOptions): string {
  const lines = value
    .toWellFormed()
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  const kept = lines.replace(UNWANTED, (match: string, flag: string | undefined) => {
    if (flag !== undefined || KEEP_ALWAYS.has(match)) return match;
    if (match === '\n' || match === '\t') return multiline ? match : ' ';
    return '';
  });
  return kept;
}

/**
 * For a terminal: every control and format character shown as an escape, so text from the
 * database can neither move the cursor nor recolour or rewrite what a moderator reads.
 */
export function forTerminal(value: string): string {
  return value.replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u{${c.codePointAt(0)?.toString(16) ?? ''}}`,
  );
}
