/**
 * A body is converted a piece at a time: the trees a parser builds take about 150 times the
 * HTML's size (a 4 MB body peaked at 660 MB), and WordPress lets a body reach 32 MB. Pieces
 * end where a top-level block closes, so no element is cut; a body whose elements never close
 * is cut at the next block end past HARD_LIMIT pieces' length whatever its depth, which the
 * caller reports.
 */
export const PIECE_SIZE = 192 * 1024;
/** How many pieces' length a body may go without a top-level block end before it is cut anyway. */
const HARD_LIMIT = 4;

const VOID = new Set(
  'area base br col embed hr img image input link meta source track wbr'.split(' '),
);
/** Elements whose end tag HTML lets authors leave out: not counted, so they cannot stop a cut. */
const OPTIONAL_END = new Set(
  'p li dt dd tr td th tbody thead tfoot option optgroup colgroup caption rb rt rp'.split(' '),
);
/** Elements whose text is not markup: read past as a whole. */
const RAW = new Set([
  'script',
  'style',
  'pre',
  'textarea',
  'xmp',
  'plaintext',
  'title',
  'noscript',
]);
const BLOCK = new Set(
  'p h1 h2 h3 h4 h5 h6 ul ol dl table figure blockquote pre div hr section article aside details'.split(
    ' ',
  ),
);

const TAG = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>/g;

export type Pieces = { pieces: string[]; cutInside: boolean };

/** The body in pieces of about `size` characters, each ending after a block. */
export function splitHtml(html: string, size = PIECE_SIZE): Pieces {
  if (html.length <= size) return { pieces: [html], cutInside: false };
  const pieces: string[] = [];
  let start = 0;
  let depth = 0;
  let cutInside = false;
  const cutAt = (end: number) => {
    // A list straight after a list would read as one list once apart: not there.
    if (/^\s*<(?:ul|ol)[\s>]/i.test(html.slice(end, end + 40))) return;
    pieces.push(html.slice(start, end));
    start = end;
  };
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex);
      TAG.lastIndex = end === -1 ? html.length : end + 3;
      continue;
    }
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    let blockEnds = false;
    if (!closing && RAW.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = TAG.lastIndex;
      const found = end.exec(html);
      TAG.lastIndex = found ? end.lastIndex : html.length;
      blockEnds = BLOCK.has(name);
    } else if (VOID.has(name) || match[0].endsWith('/>')) {
      blockEnds = name === 'hr';
    } else if (OPTIONAL_END.has(name)) {
      blockEnds = closing && name === 'p';
    } else if (closing) {
      depth = Math.max(0, depth - 1);
      blockEnds = BLOCK.has(name);
    } else {
      depth += 1;
    }
    const length = TAG.lastIndex - start;
    if (blockEnds && depth === 0 && length >= size) cutAt(TAG.lastIndex);
    else if (blockEnds && length >= HARD_LIMIT * size) {
      cutInside = true;
      cutAt(TAG.lastIndex);
    }
  }
  pieces.push(html.slice(start));
  return { pieces: pieces.filter((piece) => piece !== ''), cutInside };
}

/**
 * Classic content for wpautop in pieces of about `size`, cut at blank lines (where wpautop
 * ends its paragraphs anyway) outside <pre>, whose blank lines wpautop keeps.
 */
export function splitClassic(text: string, size = PIECE_SIZE): string[] {
  if (text.length <= size) return [text];
  const pieces: string[] = [];
  let start = 0;
  const lower = text.toLowerCase();
  for (
    let at = text.indexOf('\n\n', start + size);
    at !== -1;
    at = text.indexOf('\n\n', start + size)
  ) {
    const opened = lower.lastIndexOf('<pre', at);
    if (opened >= start && lower.indexOf('</pre>', opened) > at) {
      const after = lower.indexOf('</pre>', opened);
      const next = text.indexOf('\n\n', after);
      if (next === -1) break;
      at = next;
    }
    pieces.push(text.slice(start, at + 2));
    start = at + 2;
  }
  pieces.push(text.slice(start));
  return pieces;
}
