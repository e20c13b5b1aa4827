/** Schemes an Atom `<id>` may take from a GUID: addresses, and the two kinds of name for ids. */
const ATOM_ID_SCHEMES = new Set(['http:', 'https:', 'tag:', 'urn:']);

/**
 * Whether a GUID can be an Atom `<id>`, which must be an absolute IRI (RFC 4287, 4.2.6): the
 * `feed` library parses it as a URL, and a bare number would end the feed with an exception.
 * Apart from the feeds, so the content check can warn about one without loading them.
 */
export function isAtomId(guid: string): boolean {
  return URL.canParse(guid) && ATOM_ID_SCHEMES.has(new URL(guid).protocol);
}
