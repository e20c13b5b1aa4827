/** Why an export was refused as a whole; records that are merely bad are yielded as rejections. */
export type WxrErrorCode = 'malformed' | 'not-wxr' | 'encoding' | 'too-large';

/**
 * The one error the reader throws. `line` and `column` are 1-based and point where the
 * parser noticed the problem, which for an unclosed tag is where the file ends.
 */
export class WxrReadError extends Error {
  readonly code: WxrErrorCode;
  readonly line: number | null;
  readonly column: number | null;

  constructor(
    code: WxrErrorCode,
    reason: string,
    position: { line: number; column: number } | null = null,
  ) {
    super(position ? `line ${position.line}, column ${position.column}: ${reason}` : reason);
    this.name = 'WxrReadError';
    this.code = code;
    this.line = position?.line ?? null;
    this.column = position?.column ?? null;
  }
}
