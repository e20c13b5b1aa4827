/**
 * The advertising styles (public/ads.css), linked only on a site with content/ads.yaml. React
 * puts the link in the head, where it holds the first paint until it has loaded: every slot's
 * size is reserved from that paint on.
 */
export function AdStyles() {
  // Not a CSS import: Next would add an imported sheet to every page, ads or not.
  // eslint-disable-next-line @next/next/no-css-tags
  return <link rel="stylesheet" href="/ads.css" precedence="default" />;
}
