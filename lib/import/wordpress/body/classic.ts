import { autop } from '@wordpress/autop';
import type { LostList } from './lost';
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

/**
 * Content written in the classic editor has no <p>: WordPress makes paragraphs when it shows
 * the post, with wpautop() (wp-includes/formatting.php). @wordpress/autop is WordPress's own
 * port of it, the one the block editor uses to open classic content.
 */
export function classicHtml(html: string, lost: LostList): string {
  return autop(autoembed(html, lost));
}
