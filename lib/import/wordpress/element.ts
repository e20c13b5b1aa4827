/**
 * One element of a WXR record (an `<item>`, a `<wp:author>`…), kept only until the record
 * closes and is turned into a typed value. `key` is the namespace-resolved name
 * (`wp:post_id`, see namespaces.ts); attributes are the unprefixed ones WordPress writes
 * (`domain`, `nicename`, `isPermaLink`).
 */
export interface XmlElement {
  readonly key: string;
  readonly attributes: Readonly<Record<string, string>>;
  text: string;
  readonly children: XmlElement[];
}

/** The first child with this key: WordPress's parsers read the first of a repeated field too. */
export function child(parent: XmlElement, key: string): XmlElement | undefined {
  return parent.children.find((element) => element.key === key);
}

export function children(parent: XmlElement, key: string): XmlElement[] {
  return parent.children.filter((element) => element.key === key);
}

/** The text of the first child with this key, or undefined when there is no such child. */
export function textOf(parent: XmlElement, key: string): string | undefined {
  return child(parent, key)?.text;
}

/**
 * Character data as the parser saw it: text (entities already decoded) or a CDATA section.
 * Kept apart until the element closes because WordPress's own quirk (below) needs the seams.
 */
export interface Piece {
  readonly cdata: boolean;
  readonly text: string;
}

/**
 * The text of an element whose content broke XML's rule against a bare `]]>` (WordPress
 * wrote such files before 3.1, escaping nothing inside CDATA). Strict parsers (WordPress's
 * SimpleXML and expat parsers, and ours) stop there; WordPress's importer then falls back to
 * a reader that takes everything from the element's first `<![CDATA[` to its last `]]>` as
 * the value (WXR_Parser_Regex::get_tag, asserted by its test on crazy-cdata.xml). We rebuild
 * the raw content from the pieces and read it the same way.
 */
export function readLikeWordPressRegexParser(pieces: readonly Piece[]): string {
  const raw = pieces
    .map((piece) => (piece.cdata ? `<![CDATA[${piece.text}]]>` : piece.text))
    .join('');
  const open = '<![CDATA[';
  const close = ']]>';
  if (raw.startsWith(open) && raw.endsWith(close) && raw.length >= open.length + close.length) {
    return raw.slice(open.length, raw.length - close.length);
  }
  return raw;
}
