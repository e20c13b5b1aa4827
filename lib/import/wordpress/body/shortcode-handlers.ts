import { knownProvider, providerName } from './embeds';
import { escapeAttribute, escapeText } from './html';
import type { LostList } from './lost';
import { attribute, replaceShortcodes, type Shortcode, type ShortcodeHandlers } from './shortcodes';
import type { PictureInfo } from './types';

type Needs = {
  attachments: ReadonlyMap<number, PictureInfo>;
  attached: readonly number[] | undefined;
  lost: LostList;
};

/** A gallery larger than this is not a gallery: the ids list is cut, and the report says so. */
const MAX_GALLERY = 500;

const AUDIO_SOURCES = ['src', 'mp3', 'm4a', 'ogg', 'wav', 'wma', 'flac'];
const VIDEO_SOURCES = ['src', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv', 'mov'];

/**
 * img_caption_shortcode(): the picture (an <img>, perhaps in a link) and, after it, the
 * caption, unless a `caption` attribute gives it; no caption means no figure.
 */
function caption(shortcode: Shortcode, handlers: ShortcodeHandlers): string {
  const content = replaceShortcodes(shortcode.content ?? '', handlers);
  let picture = content;
  let words = attribute(shortcode, 'caption') ?? '';
  if (attribute(shortcode, 'caption') === undefined) {
    const split = /^\s*((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
    if (split) {
      picture = split[1] ?? '';
      words = (split[2] ?? '').trim();
    }
  }
  return words.trim() === ''
    ? picture
    : `<figure>${picture}<figcaption>${words}</figcaption></figure>`;
}

function pictureFigure(picture: PictureInfo): string {
  const img = `<img src="${escapeAttribute(picture.url)}" alt="${escapeAttribute(picture.alt)}">`;
  // An attachment's caption is HTML as WordPress stores it; it is cleaned with the body.
  return picture.caption.trim() === ''
    ? `<figure>${img}</figure>`
    : `<figure>${img}<figcaption>${picture.caption}</figcaption></figure>`;
}

/** gallery_shortcode(): each picture `ids` (or the older `include`) names, in the order given. */
function gallery(shortcode: Shortcode, { attachments, attached, lost }: Needs): string {
  const list = attribute(shortcode, 'ids') ?? attribute(shortcode, 'include') ?? '';
  // Read no further than a gallery can show (and one more, to know there were more).
  const listed: number[] = [];
  const ID = /\d{1,15}/g;
  for (let match = ID.exec(list); match && listed.length <= MAX_GALLERY; match = ID.exec(list)) {
    listed.push(Number(match[0]));
  }
  // Without ids, WordPress shows the pictures attached to the post.
  const ids = listed.length > 0 ? listed : (attached ?? []).filter((id) => attachments.has(id));
  if (ids.length === 0) {
    lost.add(
      attached === undefined
        ? 'a gallery of the pictures attached to the post (which they are was not given; none kept)'
        : 'a gallery of the pictures attached to the post (none is in the export)',
    );
    return '';
  }
  if (ids.length > MAX_GALLERY) lost.add(`a gallery's pictures after the first ${MAX_GALLERY}`);
  return ids
    .slice(0, MAX_GALLERY)
    .map((id) => {
      const picture = attachments.get(id);
      if (picture) return pictureFigure(picture);
      lost.add(`gallery picture #${id} (not in the export)`);
      return '';
    })
    .join('');
}

/** A media player as a link to its file, named by the file. */
function fileLink(url: string | undefined, what: string, lost: LostList): string {
  lost.add(`${what} (became a link to its file)`);
  if (!url) return '';
  const name = url.split(/[?#]/)[0]?.split('/').filter(Boolean).pop() ?? url;
  return `<p><a href="${htmlAddress(url)}">${escapeText(safeDecode(name))}</a></p>`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const firstSource = (shortcode: Shortcode, names: string[]) =>
  names.map((name) => attribute(shortcode, name)).find((value) => value && value.trim() !== '');

/**
 * An address written in HTML (in the text or a shortcode), `&amp;` and all, as an attribute:
 * only what would end the attribute or the tag is escaped, so entities are not read twice.
 */
const htmlAddress = (url: string) =>
  url.trim().replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An embed as a link named for the provider, where WordPress would show its player. */
export function embedLink(url: string, lost: LostList): string {
  const provider = providerName(url.replace(/&amp;|&#0?38;/g, '&'));
  lost.add(`embedded ${provider} content (became a link)`);
  return `<a href="${htmlAddress(url)}">${escapeText(provider)}</a>`;
}

/** The shortcodes WordPress itself registers, as the HTML they stand for here. */
export function coreShortcodes(needs: Needs): ShortcodeHandlers {
  const handlers: ShortcodeHandlers = {
    caption: (shortcode) => caption(shortcode, handlers),
    wp_caption: (shortcode) => caption(shortcode, handlers),
    gallery: (shortcode) => gallery(shortcode, needs),
    embed: (shortcode) => {
      const url = (shortcode.content ?? '').trim();
      return /^https?:\/\/\S+$/i.test(url) ? embedLink(url, needs.lost) : escapeText(url);
    },
    audio: (shortcode) =>
      fileLink(firstSource(shortcode, AUDIO_SOURCES), 'an audio player', needs.lost),
    video: (shortcode) =>
      fileLink(firstSource(shortcode, VIDEO_SOURCES), 'a video player', needs.lost),
    playlist: () => {
      needs.lost.add('a media playlist (its tracks are not pictures; none kept)');
      return '';
    },
  };
  return handlers;
}

/**
 * [code] and [sourcecode] (SyntaxHighlighter Evolved, WordPress.com): code as written. They run
 * before wpautop, as the plugin does, so that no <p> or <br> lands in the code.
 */
export const CODE_SHORTCODES: ShortcodeHandlers = Object.fromEntries(
  ['code', 'sourcecode'].map((tag) => [
    tag,
    (shortcode: Shortcode) => {
      const language = (
        attribute(shortcode, 'language') ??
        attribute(shortcode, 'lang') ??
        shortcode.numeric[0] ??
        ''
      ).replace(/[^\w+#-]/g, '');
      const code = (shortcode.content ?? '')
        .replace(/^\r?\n/, '')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
      const marked = language ? ` class="language-${language}"` : '';
      return `<pre><code${marked}>${code}</code></pre>`;
    },
  ]),
);

/** Whether an address on a line of its own is one WordPress would turn into an embed. */
export const embeddable = (url: string) => knownProvider(url) !== null;
