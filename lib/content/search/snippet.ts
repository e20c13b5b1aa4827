export type SnippetPart = { text: string; match: boolean };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A window of `text` around the first matching word, cut at word boundaries, split into parts
 * with the matching words marked. Matching is by word start and case-insensitive, so the
 * index term "ukrain" marks "Ukraine's".
 */
export function snippet(text: string, terms: string[], length = 220): SnippetPart[] {
  const words = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  if (words.length === 0) return [{ text: cut(text, 0, length), match: false }];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})[\\p{L}\\p{N}'’-]*`,
    'giu',
  );
  const first = pattern.exec(text);
  pattern.lastIndex = 0;
  const start = first ? Math.max(0, first.index - Math.floor(length / 3)) : 0;
  const window = cut(text, start, length);
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: window.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), match: false });
  return parts;
}

function cut(text: string, start: number, length: number): string {
  let from = start;
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space === -1 ? from : space + 1;
  }
  let to = Math.min(text.length, from + length);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space > from ? space : to;
  }
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
