/**
 * What a script provider's script is given (docs/editors.md, "Advertising"): Masthead sets
 * `window.mastheadAds` before it loads the script once; the script calls `provide(fill)` once,
 * and `fill` is then called once for each slot as it nears the viewport, with the slot's own
 * element and the size reserved for it on this screen. The script puts its creative (an
 * <iframe>, an <img>) into `element`; a slot still empty some seconds later counts as blocked.
 */
export type AdSlotRequest = {
  /** The empty box to fill; it is exactly `width` × `height` pixels and clips anything larger. */
  element: HTMLElement;
  /** Unique on the page: `article-1`, `listing-2`, `footer`. */
  id: string;
  placement: 'article' | 'listing' | 'footer';
  width: number;
  height: number;
  /** The page's path, for targeting. */
  page: string;
};

export type AdProviderApi = {
  version: 1;
  provide: (fill: (slot: AdSlotRequest) => void) => void;
};

declare global {
  interface Window {
    mastheadAds?: AdProviderApi;
  }
}
