import { SaxesParser, type SaxesTagNS } from 'saxes';
import { readLikeWordPressRegexParser, type Piece, type XmlElement } from './element';
import { WxrReadError } from './errors';
import { WXR_LIMITS } from './limits';
import { elementKey, FALLBACK_NAMESPACES } from './namespaces';

/** Channel children that become records, and those that describe the site. */
export const RECORD_KEYS = new Set(['wp:author', 'wp:category', 'wp:tag', 'wp:term', 'item']);
export const HEADER_KEYS = new Set([
  'title',
  'link',
  'description',
  'language',
  'wp:wxr_version',
  'wp:base_site_url',
  'wp:base_blog_url',
]);

export interface WxrStreamHandlers {
  header(key: string, value: string): void;
  /** Called as a record opens, before any of it is read: the site description is complete. */
  recordStart(key: string): void;
  /** `overflow` says which bound the record broke; its element is then incomplete. */
  record(element: XmlElement, line: number, overflow: string | null): void;
}

interface Open {
  readonly element: XmlElement;
  readonly depth: number;
  readonly pieces: Piece[];
  quirk: boolean;
}

interface RecordState {
  readonly line: number;
  chars: number;
  elements: number;
  overflow: string | null;
}

const QUIRK = 'the string "]]>" is disallowed in char data.';

/**
 * saxes (a strict, position-tracking SAX parser) driven over an `<rss><channel>` document:
 * channel-level fields go to `header`, each record is built as a small tree and handed to
 * `record` when it closes, and everything else is skipped unread. Memory holds one record.
 */
export class WxrXmlStream {
  private readonly parser = new SaxesParser({
    xmlns: true,
    position: true,
    resolvePrefix: (prefix: string) => FALLBACK_NAMESPACES[prefix],
  });
  private depth = 0;
  private channelSeen = false;
  private skipBelow: number | null = null;
  private readonly open: Open[] = [];
  private current: RecordState | null = null;
  private lastEvent = 0;

  constructor(private readonly handlers: WxrStreamHandlers) {
    this.parser.on('opentag', (tag) => this.openTag(tag));
    this.parser.on('closetag', () => this.closeTag());
    this.parser.on('text', (text) => this.characters(text, false));
    this.parser.on('cdata', (text) => this.characters(text, true));
    this.parser.on('error', (error) => this.error(error));
  }

  write(text: string): void {
    this.parser.write(text);
    if (this.parser.position - this.lastEvent > WXR_LIMITS.pendingChars) {
      this.fail(
        'too-large',
        `a single text or tag is longer than ${WXR_LIMITS.pendingChars} characters.`,
      );
    }
  }

  close(): void {
    this.parser.close();
    if (!this.channelSeen) {
      throw new WxrReadError('not-wxr', 'this is not a WordPress export: it has no <channel>.');
    }
  }

  private position(): { line: number; column: number } {
    return { line: this.parser.line, column: Math.max(1, this.parser.column) };
  }

  private fail(code: 'malformed' | 'not-wxr' | 'too-large', reason: string): never {
    throw new WxrReadError(code, reason, this.position());
  }

  private error(error: Error): void {
    const reason = error.message.replace(/^[^\n]*?\d+:\d+: /, '');
    if (reason === QUIRK) {
      const top = this.open.at(-1);
      if (top) top.quirk = true;
      return;
    }
    this.fail('malformed', `the file is not well-formed XML: ${reason}`);
  }

  private openTag(tag: SaxesTagNS): void {
    this.lastEvent = this.parser.position;
    this.depth += 1;
    if (this.depth > WXR_LIMITS.depth) {
      this.fail('too-large', `elements are nested more than ${WXR_LIMITS.depth} deep.`);
    }
    if (this.skipBelow !== null) return;
    const key = elementKey(tag.uri, tag.local);
    if (this.depth === 1) {
      if (key !== 'rss') {
        this.fail(
          'not-wxr',
          `this is not a WordPress export: its root element is <${tag.name.slice(0, 40)}>, not <rss>.`,
        );
      }
      return;
    }
    if (this.depth === 2) {
      if (key === 'channel' && !this.channelSeen) this.channelSeen = true;
      else this.skipBelow = this.depth;
      return;
    }
    if (this.depth === 3) return this.openChannelChild(tag, key);
    this.openRecordChild(tag, key);
  }

  private openChannelChild(tag: SaxesTagNS, key: string | null): void {
    if (key !== null && RECORD_KEYS.has(key)) {
      this.handlers.recordStart(key);
      this.current = { line: this.parser.line, chars: 0, elements: 1, overflow: null };
      this.push(key, tag);
    } else if (key !== null && HEADER_KEYS.has(key)) {
      this.push(key, tag);
    } else {
      this.skipBelow = this.depth;
    }
  }

  private openRecordChild(tag: SaxesTagNS, key: string | null): void {
    const record = this.current;
    if (key === null || record === null) {
      this.skipBelow = this.depth;
      return;
    }
    record.elements += 1;
    if (record.elements > WXR_LIMITS.recordElements) {
      record.overflow ??= `it holds more than ${WXR_LIMITS.recordElements} elements`;
      this.skipBelow = this.depth;
      return;
    }
    this.open.at(-1)?.element.children.push(this.push(key, tag).element);
  }

  private push(key: string, tag: SaxesTagNS): Open {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.uri === '' && attribute.prefix === '') {
        attributes[attribute.local] = attribute.value.slice(0, WXR_LIMITS.line);
      }
    }
    const open: Open = {
      element: { key, attributes, text: '', children: [] },
      depth: this.depth,
      pieces: [],
      quirk: false,
    };
    this.open.push(open);
    return open;
  }

  private characters(text: string, cdata: boolean): void {
    this.lastEvent = this.parser.position;
    const top = this.open.at(-1);
    if (this.skipBelow !== null || top === undefined || top.depth !== this.depth) return;
    const record = this.current;
    if (record) {
      record.chars += text.length;
      if (record.chars > WXR_LIMITS.recordChars) {
        record.overflow ??= `its text is longer than ${WXR_LIMITS.recordChars} characters in all`;
        return;
      }
    } else if (
      top.pieces.reduce((sum, piece) => sum + piece.text.length, text.length) > WXR_LIMITS.line
    ) {
      this.fail('too-large', `<${top.element.key}> is longer than ${WXR_LIMITS.line} characters.`);
    }
    top.pieces.push({ cdata, text });
  }

  private closeTag(): void {
    this.lastEvent = this.parser.position;
    const depth = this.depth;
    this.depth -= 1;
    if (this.skipBelow !== null) {
      if (depth === this.skipBelow) this.skipBelow = null;
      return;
    }
    const top = this.open.at(-1);
    if (top === undefined || top.depth !== depth) return;
    this.open.pop();
    top.element.text = top.quirk
      ? readLikeWordPressRegexParser(top.pieces)
      : top.pieces.map((piece) => piece.text).join('');
    if (depth !== 3) return;
    const record = this.current;
    this.current = null;
    if (record) this.handlers.record(top.element, record.line, record.overflow);
    else this.handlers.header(top.element.key, top.element.text);
  }
}
