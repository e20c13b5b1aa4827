import { autop } from '@wordpress/autop';
import type { LostList } from './lost';
import { splitClassic } from './pieces';
import { embeddable, embedLink } from './shortcode-handlers';

// WP_Embed::autoembed(): an address alone on its line, or alone in a paragraph. `[ \t]` where
// WordPress has `\s`: a run of blank lines would otherwise be re-read from every line.
const URL_ON_ITS_LINE = /^([ \t]*)(https?:\/\/[^\s<>"]+)([ \t]*)$/gim;
const URL_ALONE_IN_PARAGRAPH = /(<p(?: [^<>]*)?>[ \t]*)(https?:\/\/[^\s<>"]+)([ \t]*<\/p>)/gi;

/** Addresses WordPress would show as embeds become links named for their provider. */
export function autoembed(html: string, lost: LostList): string {
  if (!html.includes('http')) return html;
  // The address is HTML as written (`&amp;` and all), and holds no quote or bracket.
  const embed = (whole: string, before: string, url: string, after: string) =>
    embeddable(url) ? `${before}${embedLink(url, lost)}${after}` : whole;
  return html.replace(URL_ON_ITS_LINE, embed).replace(URL_ALONE_IN_PARAGRAPH, embed);
}

/** More tags holding a `<` than any page a person wrote: the mark of markup built to hurt. */
const BROKEN_TAGS_TOLERATED = 100;

/**
 * wpautop reads a tag as everything from `<` to the next `>`, and one of its expressions
 * (`<p>(<li.+?)</p>`) re-reads a line from each `<p><li`. Tags that swallow other tags put a
 * whole body on one line: 60 KB of `<p><li` took 3.4 s, and the time grows with the square of
 * the size. A `<` followed by another `<` before any `>` does not start a tag a browser would
 * show as one either; when a body has more of them than a person writes, they become text.
 */
export function neutralizeBrokenTags(html: string): string {
  const broken: number[] = [];
  let close = -1;
  for (let at = html.indexOf('<'); at !== -1;) {
    const next = html.indexOf('<', at + 1);
    if (close !== -1 && close < at) close = -1;
    if (close === -1) close = html.indexOf('>', at + 1);
    if (next !== -1 && (close === -1 || next < close)) broken.push(at);
    at = next;
  }
  if (broken.length <= BROKEN_TAGS_TOLERATED) return html;
  const out: string[] = [];
  let copied = 0;
  for (const at of broken) {
    out.push(html.slice(copied, at), '&lt;');
    copied = at + 1;
  }
  out.push(html.slice(copied));
  return out.join('');
}

/**
 * Content written in the classic editor has no <p>: WordPress makes paragraphs when it shows
 * the post, with wpautop() (wp-includes/formatting.php). @wordpress/autop is WordPress's own
 * port of it, the one the block editor uses to open classic content.
 */
export function classicHtml(html: string, lost: LostList): string {
  return splitClassic(autoembed(neutralizeBrokenTags(html), lost))
    .map((piece) => autop(piece))
    .join('');
}
