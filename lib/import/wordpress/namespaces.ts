/**
 * WordPress writes its own elements in a namespace whose URI names the WXR version
 * (`http://wordpress.org/export/1.2/`), and exports from some hosts spell it with https.
 * We recognise elements by namespace URI, never by prefix: a prefix is whatever the file
 * says it is, so `<wp:post_id xmlns:wp="http://example.com/">` is not WordPress's post id,
 * and `<alt:post_id xmlns:alt="http://wordpress.org/export/1.2/">` is.
 */
const WP = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/;
const EXCERPT = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/;
const CONTENT = /^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/$/;
const DC = /^https?:\/\/purl\.org\/dc\/elements\/1\.1\/$/;

/**
 * The key the reader files an element under: `wp:post_id`, `content:encoded`, `title`
 * (RSS's own elements have no namespace), or null for anything else, which is skipped.
 */
export function elementKey(uri: string, local: string): string | null {
  if (uri === '') return local;
  if (WP.test(uri)) return `wp:${local}`;
  if (EXCERPT.test(uri)) return `excerpt:${local}`;
  if (CONTENT.test(uri)) return `content:${local}`;
  if (DC.test(uri)) return `dc:${local}`;
  return null;
}

/**
 * Old and hand-edited exports sometimes use WordPress's prefixes without declaring them;
 * WordPress's SimpleXML parser falls back to these same URIs, and so do we.
 */
export const FALLBACK_NAMESPACES: Readonly<Record<string, string>> = {
  wp: 'http://wordpress.org/export/1.2/',
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
};
