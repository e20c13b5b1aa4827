/** A picture in the export: an attachment's file and the words WordPress keeps with it. */
export type PictureInfo = { url: string; alt: string; caption: string; title: string };

export type BodyContext = {
  /** attachment id → its picture (for [gallery ids=…], image blocks with id, featured) */
  attachments: ReadonlyMap<number, PictureInfo>;
  /**
   * The site's own path for a picture URL in the export (e.g. /images/wordpress/2019/05/a.jpg),
   * or null when it could not be had: then its alt and caption are kept as text, and `lost`
   * says so.
   */
  picturePath: (url: string) => string | null;
  /** The old site's address (wp:base_site_url), to turn its own absolute links into site paths. */
  siteUrl: string;
  /**
   * The post's `footnotes` meta value (WordPress 6.3+ keeps the text of block-editor footnotes
   * there, not in the body), when it has one. Without it, footnote numbers stay and `lost` says
   * their text is missing.
   */
  footnotes?: string;
  /**
   * The ids of the attachments whose parent is this post, in WordPress's gallery order
   * (menu_order, then id): what a `[gallery]` without ids shows. Without it such a gallery is
   * reported lost.
   */
  attached?: readonly number[];
  /**
   * Where a path on the old site (`/2019/05/hello/`, `/?p=12`, without its `#fragment`) lives
   * now, from the redirects the importer writes, or null to keep the old path (its redirect
   * answers it). Links then lead straight to the new address, and the content check, which
   * knows articles and not redirects, finds nothing to say about them.
   */
  newAddress?: (oldPath: string) => string | null;
};

export type ConvertedBody = {
  mdx: string;
  /** What did not come across, one line each, as an editor would read it in the report. */
  lost: string[];
  /** Every picture URL the body refers to (before picturePath), in order, once each. */
  pictures: string[];
};
