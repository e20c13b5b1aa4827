/**
 * Who serves an embedded page, by its address: WordPress's own oEmbed providers
 * (wp-includes/class-wp-oembed.php) and the block editor's embed variations, named as their
 * owners write them. An embed becomes a link with this name: the site's policy refuses
 * third-party frames, and a reader can still follow it.
 */
const PROVIDERS: [host: RegExp, name: string][] = [
  [/(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/, 'YouTube'],
  [/(^|\.)vimeo\.com$/, 'Vimeo'],
  [/(^|\.)(dailymotion\.com|dai\.ly)$/, 'Dailymotion'],
  [/(^|\.)(flickr\.com|flic\.kr)$/, 'Flickr'],
  [/(^|\.)smugmug\.com$/, 'SmugMug'],
  [/(^|\.)scribd\.com$/, 'Scribd'],
  [/(^|\.)wordpress\.tv$/, 'WordPress.tv'],
  [/(^|\.)(polldaddy\.com|poll\.fm|survey\.fm|crowdsignal\.com|crowdsignal\.net)$/, 'Crowdsignal'],
  [/(^|\.)(twitter\.com|x\.com)$/, 'X (Twitter)'],
  [/(^|\.)(instagram\.com|instagr\.am)$/, 'Instagram'],
  [/(^|\.)(facebook\.com|fb\.watch)$/, 'Facebook'],
  [/(^|\.)threads\.net$/, 'Threads'],
  [/(^|\.)bsky\.app$/, 'Bluesky'],
  [/(^|\.)tiktok\.com$/, 'TikTok'],
  [/(^|\.)soundcloud\.com$/, 'SoundCloud'],
  [/(^|\.)slideshare\.net$/, 'SlideShare'],
  [/(^|\.)spotify\.com$/, 'Spotify'],
  [/(^|\.)imgur\.com$/, 'Imgur'],
  [/(^|\.)(meetup\.com|meetu\.ps)$/, 'Meetup'],
  [/(^|\.)issuu\.com$/, 'Issuu'],
  [/(^|\.)mixcloud\.com$/, 'Mixcloud'],
  [/(^|\.)ted\.com$/, 'TED'],
  [/(^|\.)(animoto\.com|video214\.com)$/, 'Animoto'],
  [/(^|\.)tumblr\.com$/, 'Tumblr'],
  [/(^|\.)(kickstarter\.com|kck\.st)$/, 'Kickstarter'],
  [/(^|\.)cloudup\.com$/, 'Cloudup'],
  [/(^|\.)reverbnation\.com$/, 'ReverbNation'],
  [/(^|\.)(videopress\.com|video\.wordpress\.com)$/, 'VideoPress'],
  [/(^|\.)(reddit\.com|redd\.it)$/, 'Reddit'],
  [/(^|\.)speakerdeck\.com$/, 'Speaker Deck'],
  [/(^|\.)screencast\.com$/, 'Screencast'],
  [/(^|\.)(amazon\.[a-z.]+|a\.co|amzn\.(to|eu|in|asia)|z\.cn)$/, 'Amazon'],
  [/(^|\.)(someecards\.com|some\.ly)$/, 'Someecards'],
  [/(^|\.)pinterest\.[a-z.]+$/, 'Pinterest'],
  [/(^|\.)pca\.st$|(^|\.)pocketcasts\.com$/, 'Pocket Casts'],
  [/(^|\.)wolframcloud\.com$/, 'Wolfram Cloud'],
  [/(^|\.)(google\.com|goo\.gl)$/, 'Google'],
  [/(^|\.)twitch\.tv$/, 'Twitch'],
  [/(^|\.)codepen\.io$/, 'CodePen'],
  [/(^|\.)giphy\.com$/, 'Giphy'],
];

/** The block editor's `providerNameSlug`s whose names the host alone does not give. */
const SLUGS: Record<string, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  twitter: 'X (Twitter)',
  x: 'X (Twitter)',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  spotify: 'Spotify',
  soundcloud: 'SoundCloud',
  'wordpress-tv': 'WordPress.tv',
  wordpress: 'WordPress',
};

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.hostname.toLowerCase().replace(/^www\./, '')
      : null;
  } catch {
    return null;
  }
}

/** The provider WordPress would embed this address from, or null when it would not embed it. */
export function knownProvider(url: string): string | null {
  const host = hostOf(url);
  if (host === null) return null;
  return PROVIDERS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

/** A name for whoever serves an embed: the provider, the block's slug, or the host itself. */
export function providerName(url: string, slug?: string): string {
  const known = knownProvider(url);
  if (known) return known;
  const named = slug ? SLUGS[slug.toLowerCase()] : undefined;
  return named ?? hostOf(url) ?? 'the original page';
}
