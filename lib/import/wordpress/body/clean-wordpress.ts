import type { Element, ElementContent } from 'hast';
import { deeper, type Clean, type CleanState, type Rule, type Where } from './clean-types';
import { providerName } from './embeds';
import { classesOf, element, hasClass, isElement, stringProperty, textNode, textOf } from './hast';

/** The pull quote block, as a <PullQuote> with its <cite> as the attribution. */
function pullQuote(node: Element, where: Where, clean: Clean): ElementContent[] {
  const quote = node.children.find((child) => isElement(child, 'blockquote')) ?? node;
  // wpautop, run over classic content, puts the <cite> in a paragraph of its own.
  const isCite = (child: ElementContent): boolean => {
    if (child.type !== 'element') return false;
    if (child.tagName === 'cite') return true;
    const inside = child.children.filter((inner) => textOf(inner).trim() !== '');
    return (
      child.tagName === 'p' &&
      inside.length > 0 &&
      inside.every((inner) => isElement(inner, 'cite'))
    );
  };
  const cites = quote.children.filter(isCite);
  const said = quote.children.filter((child) => !isCite(child));
  const children = clean(said, deeper(where, { inPullQuote: true }));
  if (!children.some((child) => textOf(child).trim() !== '')) return [];
  const cite = cites
    .map((child) => textOf(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [element('PullQuote', cite ? { cite: cite.slice(0, 500) } : {}, children)];
}

/** An embed block's address, as a link named for whoever serves it. */
function embedWrapper(
  node: Element,
  state: CleanState,
  where: Where,
  clean: Clean,
): ElementContent[] {
  const url = textOf(node).trim();
  if (!/^https?:\/\/\S+$/i.test(url)) return clean(node.children, deeper(where));
  const provider = providerName(url, where.embedSlug);
  state.lost.add(`embedded ${provider} content (became a link)`);
  return [element('p', {}, [element('a', { href: url }, [textNode(provider)])])];
}

/** A verse keeps its lines: each line break becomes a <br>, in a paragraph. */
function verse(node: Element, where: Where, clean: Clean): ElementContent[] {
  const lines = (nodes: ElementContent[]): ElementContent[] =>
    nodes.flatMap((child): ElementContent[] => {
      if (child.type === 'text') {
        return child.value
          .split('\n')
          .flatMap((line, i) => (i === 0 ? [textNode(line)] : [element('br'), textNode(line)]));
      }
      if (child.type === 'element') child.children = lines(child.children);
      return [child];
    });
  return [element('p', {}, lines(clean(node.children, deeper(where))))];
}

/** Markup WordPress writes for its own blocks and captions, read by class before classes go. */
export const wordpressRule: Rule = (node, state, where, clean) => {
  const { tagName } = node;
  const classes = classesOf(node);
  if (tagName === 'sup' && stringProperty(node, 'dataFn')) {
    return [
      element('FootnoteRef', { id: stringProperty(node, 'dataFn') ?? '' }, [
        textNode(textOf(node)),
      ]),
    ];
  }
  if (
    classes.includes('wp-block-pullquote') &&
    (tagName === 'figure' || tagName === 'blockquote')
  ) {
    if (!where.inPullQuote) return pullQuote(node, where, clean);
    const quote = node.children.find((child) => isElement(child, 'blockquote')) ?? node;
    return [element('blockquote', {}, clean(quote.children, deeper(where)))];
  }
  if (where.inPullQuote && /^h[1-6]$/.test(tagName)) {
    const words = clean(node.children, deeper(where));
    return [element('p', {}, [element('strong', {}, words)])];
  }
  if (tagName === 'figure' && classes.some((name) => name.startsWith('wp-block-embed'))) {
    const slug = classes
      .find((name) => name.startsWith('is-provider-'))
      ?.slice('is-provider-'.length);
    const children = clean(node.children, deeper(where, { embedSlug: slug }));
    return [element('figure', {}, children)];
  }
  if (classes.includes('wp-block-embed__wrapper')) return embedWrapper(node, state, where, clean);
  if (
    classes.includes('wp-block-cover__image-background') ||
    classes.includes('wp-block-cover__video-background')
  ) {
    state.lost.add("a cover block's background picture (removed)");
    return [];
  }
  if (tagName === 'a' && classes.includes('wp-block-file__button')) return [];
  if (tagName === 'pre' && classes.includes('wp-block-verse')) return verse(node, where, clean);
  if ((tagName === 'ul' || tagName === 'ol') && classes.some((name) => /gallery/.test(name))) {
    // The block editor's older galleries: a list of figures, which reads as pictures, not a list.
    const items = node.children.flatMap((child) =>
      isElement(child, 'li') ? child.children : [child],
    );
    return clean(items, deeper(where));
  }
  if (tagName === 'div' && classes.includes('wp-caption')) {
    return [element('figure', {}, clean(node.children, deeper(where)))];
  }
  if (hasClass(node, 'wp-caption-text') || hasClass(node, 'wp-caption-dd')) {
    return [element('figcaption', {}, clean(node.children, deeper(where)))];
  }
  if (tagName === 'img' && (classes.includes('wp-smiley') || classes.includes('emoji'))) {
    return [textNode(stringProperty(node, 'alt') ?? '')];
  }
  return undefined;
};
