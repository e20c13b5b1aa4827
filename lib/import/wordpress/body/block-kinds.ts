/**
 * What each core block leaves in a post's content. Static blocks save their HTML in the post,
 * which is all there is to convert; the others are filled in by WordPress each time the page
 * is shown (latest posts, a search box, the site's title…) and have nothing of their own to
 * bring across. A block from a plugin is neither known nor trusted: its saved text is kept and
 * the report names it.
 */
const STATIC = new Set(
  (
    'paragraph heading list list-item quote pullquote table separator code preformatted verse ' +
    'columns column group row stack buttons button image gallery media-text details spacer ' +
    'audio video file html more nextpage cover embed text-columns subhead freeform footnotes ' +
    'math navigation social-links'
  )
    .split(' ')
    .map((name) => `core/${name}`),
);

export type BlockKind = 'static' | 'dynamic' | 'foreign';

export function blockKind(name: string): BlockKind {
  // Before WordPress 5.6 each embed had a block of its own: core-embed/youtube, …
  if (STATIC.has(name) || name.startsWith('core-embed/')) return 'static';
  return name.startsWith('core/') ? 'dynamic' : 'foreign';
}
