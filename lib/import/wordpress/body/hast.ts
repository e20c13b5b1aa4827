import type { Element, ElementContent, Nodes, Properties, Text } from 'hast';

/** Small helpers for building and reading hast, so each cleaning rule reads as what it does. */

export const textNode = (value: string): Text => ({ type: 'text', value });

export const element = (
  tagName: string,
  properties: Properties = {},
  children: ElementContent[] = [],
): Element => ({ type: 'element', tagName, properties, children });

export const isElement = (node: unknown, tagName?: string): node is Element =>
  typeof node === 'object' &&
  node !== null &&
  (node as { type?: unknown }).type === 'element' &&
  (tagName === undefined || (node as Element).tagName === tagName);

export function stringProperty(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(' ');
  return undefined;
}

export const classesOf = (node: Element): string[] => {
  const value = node.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? String(value).split(/\s+/) : [];
};

export const hasClass = (node: Element, name: string) => classesOf(node).includes(name);

/** Elements whose text is not words a reader sees. */
const NOT_WORDS = new Set(
  'script style template noscript svg head title textarea select option iframe'.split(' '),
);

/**
 * The words in a subtree, read with an explicit stack: a subtree the cleaner gave up nesting
 * into can be as deep as a hostile page makes it.
 */
export function textOf(node: Nodes): string {
  const out: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    if (next.type === 'text') out.push(next.value);
    else if (next.type === 'root' || (next.type === 'element' && !NOT_WORDS.has(next.tagName))) {
      if (next.type === 'element' && next.tagName === 'br') out.push('\n');
      for (let i = next.children.length - 1; i >= 0; i--) {
        const child = next.children[i];
        if (child) stack.push(child);
      }
    }
  }
  return out.join('');
}
