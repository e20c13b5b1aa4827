/**
 * Text as the comment store keeps it, built up piece by piece: paragraphs separated by a blank
 * line, lines by a line break, nothing else (lib/comments/text.ts reads it back). Whitespace
 * follows the rules a WordPress comment is shown with: runs of spaces collapse, a line break in
 * the text is a line break (wpautop's <br>), a blank line a new paragraph, and inside <pre>
 * everything is kept as written.
 */
export class PlainText {
  private readonly parts: string[] = [];
  /** Characters written so far; the builder stops taking text past `max`. */
  private size = 0;
  /** The last character written, to know whether a space or a break is needed. */
  private last = '\n';
  /** After a link's address: a letter straight after it would become part of the address. */
  private afterAddress = false;
  /** Whether text arrived after the builder was full, and was dropped. */
  truncated = false;

  constructor(private readonly max: number) {}

  get full(): boolean {
    return this.size > this.max;
  }

  /** Running text: spaces collapse, each line break is kept. */
  text(value: string): void {
    const lines = value.split(/\r\n?|\n/);
    lines.forEach((line, i) => {
      if (i > 0) this.lineBreak();
      this.inline(line.replace(/[\t\f\v ]+/g, ' '));
    });
  }

  /** Preformatted text: every space and line break as written. */
  preformatted(value: string): void {
    const lines = value.split(/\r\n?|\n/);
    lines.forEach((line, i) => {
      if (i > 0) this.lineBreak();
      if (line !== '') this.push(line);
    });
  }

  /** A web address the store will link: set off from the words around it. */
  address(href: string): void {
    if (this.last !== '\n' && this.last !== ' ' && this.last !== '(') this.push(' ');
    this.push(href);
    this.afterAddress = true;
  }

  lineBreak(): void {
    this.push('\n');
  }

  /** A line break unless a line has just begun. */
  startLine(): void {
    if (this.last !== '\n') this.push('\n');
  }

  /** Extra breaks cost nothing: toString keeps one blank line of any run. */
  paragraph(): void {
    this.push('\n\n');
  }

  /** The text: lines without trailing spaces, at most one blank line in a row, trimmed. */
  toString(): string {
    return this.parts
      .join('')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\s+$/g, '');
  }

  private inline(value: string): void {
    let text = value;
    // A space at the start of a line, or after another, shows as nothing.
    if (this.last === '\n' || this.last === ' ') text = text.replace(/^ +/, '');
    if (text === '') return;
    if (this.afterAddress && /^[\p{L}\p{N}_/#?=&%~+-]/u.test(text)) this.push(' ');
    this.push(text);
  }

  private push(text: string): void {
    if (this.full) {
      this.truncated = true;
      return;
    }
    this.parts.push(text);
    this.size += text.length;
    this.last = text.at(-1) ?? this.last;
    this.afterAddress = false;
  }
}
