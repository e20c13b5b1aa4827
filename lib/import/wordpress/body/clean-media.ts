import type { Element, ElementContent } from 'hast';
import { deeper, type CleanState, type Rule } from './clean-types';
import { refusedScheme } from '@/lib/content/mdx/safe-url';
import { providerName } from './embeds';
import { classesOf, element, isElement, stringProperty, textNode, textOf } from './hast';
import { absoluteAddress, fileName, isPictureFile, isUpload, resolveAddress } from './urls';

/** Lazy-loading plugins keep the real address here and a placeholder in `src`. */
const LAZY_SOURCES = ['dataSrc', 'dataLazySrc', 'dataOriginal', 'dataOrigFile'];

/** The attachment an <img> shows, by the `wp-image-<id>` class WordPress gives it. */
function attachmentOf(node: Element, state: CleanState) {
  const id = classesOf(node)
    .map((name) => /^wp-image-(\d{1,15})$/.exec(name)?.[1])
    .find(Boolean);
  return id === undefined ? undefined : state.context.attachments.get(Number(id));
}

/** A picture: the site's own copy, or its words when there is no copy to be had. */
function picture(node: Element, state: CleanState): ElementContent[] {
  const attachment = attachmentOf(node, state);
  // The block editor often saves an empty alt and keeps the attachment's own on the attachment.
  const alt = (stringProperty(node, 'alt') || attachment?.alt || '').replace(/\s+/g, ' ').trim();
  const words = alt ? [textNode(alt)] : [];
  let written = stringProperty(node, 'src') || attachment?.url || '';
  if (/^\s*data:/i.test(written) || written.trim() === '') {
    written = LAZY_SOURCES.map((name) => stringProperty(node, name)).find(Boolean) ?? written;
  }
  const address = resolveAddress(written, state.context.siteUrl);
  if (address.kind === 'refused') {
    state.lost.add(`a picture held in a ${address.scheme}: address (removed; its alt text kept)`);
    return words;
  }
  const url = absoluteAddress(written, state.context.siteUrl);
  if (url === null) {
    if (written.trim() !== '')
      state.lost.add('a picture with an unusable address (removed; its alt text kept)');
    return words;
  }
  state.pictures.add(url);
  const path = state.context.picturePath(url);
  if (path === null) {
    state.lost.add(`picture ${url} (could not be had; its alt text and caption kept as text)`);
    return words;
  }
  return [element('img', { src: path, alt }, [])];
}

/** A path of the old site as the importer moved it, keeping the part after `#`. */
function newAddress(path: string, state: CleanState): string {
  const hash = path.indexOf('#');
  const [page, fragment] = hash === -1 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
  if (page === '') return path;
  const moved = state.context.newAddress?.(page);
  // Only a path on this site: the importer's table is trusted, but a link must not leave.
  return moved && /^\/(?!\/)/.test(moved) && refusedScheme(moved) === null
    ? `${moved}${fragment}`
    : path;
}

/** What a screen reader would call a link: its words, or its pictures' descriptions. */
const named = (content: ElementContent[]) =>
  content.some(
    (child) =>
      textOf(child).trim() !== '' ||
      (isElement(child, 'img') && (stringProperty(child, 'alt') ?? '').trim() !== ''),
  );

/** A link, to where its address leads now; a refused scheme loses the link, not the words. */
function link(node: Element, state: CleanState, content: ElementContent[]): ElementContent[] {
  const written = stringProperty(node, 'href') ?? '';
  const address = resolveAddress(written, state.context.siteUrl);
  if (address.kind === 'refused') {
    state.lost.add(`a ${address.scheme}: link (removed; its words kept)`);
    return content;
  }
  if (address.kind === 'unusable') return content;
  const url =
    address.kind === 'elsewhere' ? address.url : absoluteAddress(written, state.context.siteUrl);
  const upload =
    address.kind === 'site' && (isUpload(address.path) || /[?&]attachment_id=/.test(address.path));
  const onlyAPicture = content.length > 0 && content.every((child) => isElement(child, 'img'));
  // A picture linked to its own file or attachment page: the picture is what the reader sees.
  if (onlyAPicture && (upload || (url !== null && isPictureFile(url)))) return content;
  if (!named(content)) {
    // A link with nothing to read would be announced as its address, or as nothing.
    if (content.length > 0)
      state.lost.add('a link around a picture without a description (removed)');
    return content;
  }
  if (address.kind === 'elsewhere') return [element('a', { href: address.url }, content)];
  if (!upload) return [element('a', { href: newAddress(address.path, state) }, content)];
  if (url !== null && isPictureFile(url)) {
    state.pictures.add(url);
    const own = state.context.picturePath(url);
    if (own !== null) return [element('a', { href: own }, content)];
  }
  // Other uploads (PDFs, sound files) are not brought across: the link keeps the old address.
  return [element('a', { href: url ?? address.path }, content)];
}

/** A player (video, audio, Flash) as a link to what it played, named by its file. */
function player(node: Element, state: CleanState, what: string): ElementContent[] {
  const sources = [
    stringProperty(node, 'src'),
    stringProperty(node, 'data'),
    ...node.children
      .filter((child) => isElement(child, 'source'))
      .map((child) => stringProperty(child, 'src')),
  ];
  const url = sources
    .map((source) => source && absoluteAddress(source, state.context.siteUrl))
    .find(Boolean);
  if (!url) {
    state.lost.add(`${what} (removed: it names no file)`);
    return [];
  }
  state.lost.add(`${what} (became a link to its file)`);
  return [element('a', { href: url }, [textNode(fileName(url))])];
}

/** A video service's player address, as the page a reader would open. */
function pageOfPlayer(url: string): string {
  const youtube = /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,20})/i.exec(
    url,
  );
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^https?:\/\/player\.vimeo\.com\/video\/(\d{1,15})/i.exec(url);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return url;
}

/** A frame: never kept (the site's policy refuses third-party frames), but its page is linked. */
function frame(node: Element, state: CleanState): ElementContent[] {
  const url = absoluteAddress(stringProperty(node, 'src') ?? '', state.context.siteUrl);
  if (!url) {
    state.lost.add('an embedded frame (removed)');
    return [];
  }
  const page = pageOfPlayer(url);
  const provider = providerName(page);
  state.lost.add(`embedded ${provider} content (became a link)`);
  return [element('a', { href: page }, [textNode(provider)])];
}

/** Pictures, links, players, frames and formulas: each becomes what an article can hold. */
export const mediaRule: Rule = (node, state, where, clean) => {
  switch (node.tagName) {
    case 'img':
    case 'image':
      return picture(node, state);
    case 'a':
      return link(node, state, clean(node.children, deeper(where)));
    case 'iframe':
      return frame(node, state);
    case 'video':
      return player(node, state, 'a video player');
    case 'audio':
      return player(node, state, 'an audio player');
    case 'object':
    case 'embed':
      return player(node, state, 'an embedded object');
    case 'picture':
      // Its <source>s are other sizes of the one picture its <img> names.
      return clean(
        node.children.filter((child) => isElement(child, 'img')),
        where,
      );
    case 'math': {
      const formula = textOf(node).replace(/\s+/g, ' ').trim();
      state.lost.add('a formula (kept as plain text)');
      return formula ? [textNode(formula)] : [];
    }
    default:
      return undefined;
  }
};
