import { WxrReadError } from './errors';

/**
 * WordPress writes its export in the blog's charset: UTF-8 on every site since 3.x, Latin-1
 * on some very old ones. We read the XML declaration's encoding and decode as it says;
 * anything else is refused rather than read as mojibake.
 */
const LATIN = new Set(['iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252']);

export function encodingOf(head: Uint8Array): 'utf-8' | 'windows-1252' {
  if (head[0] === 0xfe || head[0] === 0xff) {
    throw new WxrReadError('encoding', 'the file is UTF-16; export it again as UTF-8.');
  }
  // The declaration is ASCII in every encoding we accept, so Latin-1 reads it safely.
  const start = new TextDecoder('latin1').decode(head.subarray(0, 512));
  const declared =
    /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']{1,40})["']/.exec(
      start,
    )?.[1];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return 'utf-8';
  if (LATIN.has(declared.toLowerCase())) return 'windows-1252';
  throw new WxrReadError(
    'encoding',
    `the file declares the encoding "${declared.slice(0, 40)}"; the reader takes UTF-8 or Latin-1.`,
  );
}

/**
 * Turns a byte stream into text chunks, carrying a character split across two chunks over
 * to the next. Malformed UTF-8 becomes U+FFFD, as a browser would show it, not a refusal:
 * one bad byte in a ten-year archive should not stop the move.
 */
export async function* decodeChunks(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<string> {
  const state: { decoder: TextDecoder | null } = { decoder: null };
  // The declaration must be seen whole before choosing a decoder, however the bytes arrive.
  let head: Uint8Array[] = [];
  let headLength = 0;
  const start = (): string => {
    const bytes = Buffer.concat(head);
    head = [];
    state.decoder = new TextDecoder(encodingOf(bytes));
    return state.decoder.decode(bytes, { stream: true });
  };
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    if (state.decoder === null) {
      head.push(chunk);
      headLength += chunk.length;
      if (headLength < 512) continue;
      const text = start();
      if (text !== '') yield text;
      continue;
    }
    const text = state.decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const early = state.decoder === null && headLength > 0 ? start() : '';
  const rest = early + (state.decoder?.decode() ?? '');
  if (rest !== '') yield rest;
}
