import { gzipSync } from 'node:zlib';
import {
  attributeChunk,
  bytesBySource,
  isRuntimeSource,
  shortName,
  sourceAt,
} from '../bench/js-attribution.mjs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 VLQ, as source maps write numbers; the test builds its maps by hand. */
function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

/** One generated line made of pieces, each mapped to a source index; returns code and map. */
function chunk(sources: string[], pieces: Array<[source: number, text: string]>) {
  let column = 0;
  let previousColumn = 0;
  let previousSource = 0;
  const segments: string[] = [];
  for (const [source, text] of pieces) {
    segments.push(vlq(column - previousColumn) + vlq(source - previousSource) + vlq(0) + vlq(0));
    previousColumn = column;
    previousSource = source;
    column += text.length;
  }
  const code = pieces.map(([, text]) => text).join('');
  return { code, map: { version: 3, sources, mappings: segments.join(',') } };
}

/** Text that compresses like code rather than like a run of one letter. */
function text(seed: number, length: number): string {
  let state = seed;
  let out = '';
  while (out.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += 'abcdefghijklmnopqrstuvwxyz(){};=,.'[state % 34];
  }
  return out;
}

const gzip = (s: string) => gzipSync(s).length;
const NEXT = 'turbopack:///[project]/node_modules/next/dist/client/app-dir/link.js';
const OURS = 'turbopack:///[project]/components/layout/theme-toggle.tsx';
const THEMES = 'turbopack:///[project]/node_modules/next-themes/dist/index.mjs';

describe('which code is Next runtime', () => {
  it('counts Turbopack, Next, React and their helpers as runtime', () => {
    expect(isRuntimeSource('turbopack:///[turbopack]/browser/runtime/base/runtime-base.ts')).toBe(
      true,
    );
    expect(isRuntimeSource(NEXT)).toBe(true);
    expect(isRuntimeSource('[project]/node_modules/react-dom/cjs/x.js')).toBe(true);
    expect(isRuntimeSource('[project]/node_modules/@swc/helpers/cjs/_x.cjs')).toBe(true);
    expect(
      isRuntimeSource('[project]/node_modules/.pnpm/next@16/node_modules/next/dist/a.js'),
    ).toBe(true);
  });

  it('counts our code and the libraries we chose as ours', () => {
    expect(isRuntimeSource(OURS)).toBe(false);
    expect(isRuntimeSource(THEMES)).toBe(false);
    expect(isRuntimeSource('[project]/node_modules/@next-auth/x/index.js')).toBe(false);
    expect(shortName(THEMES)).toBe('next-themes/dist/index.mjs');
    expect(shortName(OURS)).toBe('components/layout/theme-toggle.tsx');
  });
});

describe('attributeChunk', () => {
  it('charges ours with what the file would lose without our code', () => {
    const runtime = text(1, 4000);
    const ours = text(2, 1500);
    const themes = text(3, 800);
    const { code, map } = chunk(
      [NEXT, OURS, THEMES],
      [
        [0, runtime],
        [1, ours],
        [2, themes],
      ],
    );
    const result = attributeChunk(code, map);
    expect(result.total).toBe(gzip(code));
    expect(result.above).toBe(gzip(code) - gzip(runtime));
    expect(result.modules).toEqual([
      {
        module: 'components/layout/theme-toggle.tsx',
        raw: 1500,
        gzipIfRemoved: expect.any(Number),
      },
      { module: 'next-themes/dist/index.mjs', raw: 800, gzipIfRemoved: expect.any(Number) },
    ]);
    expect(result.modules[0]!.gzipIfRemoved).toBe(gzip(code) - gzip(runtime + themes));
  });

  it('charges nothing to a chunk that is all runtime', () => {
    const { code, map } = chunk([NEXT], [[0, text(4, 3000)]]);
    expect(attributeChunk(code, map)).toEqual({ total: gzip(code), above: 0, modules: [] });
  });

  it('keeps unmapped lines, such as the sourceMappingURL comment, with the runtime', () => {
    const { code, map } = chunk([OURS], [[0, text(5, 2000)]]);
    const withTrailer = `${code}\n//# sourceMappingURL=x.js.map`;
    const result = attributeChunk(withTrailer, map);
    expect(result.above).toBe(gzip(withTrailer) - gzip('\n//# sourceMappingURL=x.js.map'));
  });
});

describe('sourceAt', () => {
  it('names the source of a function starting at or between segment starts', () => {
    const { map } = chunk(
      [NEXT, OURS],
      [
        [0, 'a'.repeat(40)],
        [1, 'b'.repeat(20)],
      ],
    );
    const at = sourceAt(map);
    expect(at(0, 0)).toBe(NEXT);
    expect(at(0, 40)).toBe(OURS);
    // Between starts: the code that follows, as a function begins in a wrapper left unmapped.
    expect(at(0, 39)).toBe(OURS);
    // Past the last segment of the line: the one before.
    expect(at(0, 5000)).toBe(OURS);
  });

  it('carries the source index across lines, resets the column, and says nothing where unmapped', () => {
    // Line 0: column 0 from source 1. Line 1: column 10 from source 0 (index relative to the
    // last line's), column 30 a segment without a source.
    const mappings = `${vlq(0)}${vlq(1)}${vlq(0)}${vlq(0)};${vlq(10)}${vlq(-1)}${vlq(0)}${vlq(0)},${vlq(20)}`;
    const at = sourceAt({ version: 3, sources: [NEXT, OURS], mappings });
    expect(at(0, 3)).toBe(OURS);
    expect(at(1, 4)).toBe(NEXT);
    expect(at(1, 10)).toBe(NEXT);
    expect(at(1, 29)).toBeUndefined();
    expect(at(1, 30)).toBeUndefined();
    expect(at(7, 0)).toBeUndefined();
  });
});

describe('bytesBySource', () => {
  it('counts each source’s bytes in the chunk', () => {
    const { code, map } = chunk(
      [NEXT, OURS, THEMES],
      [
        [0, text(6, 300)],
        [1, text(7, 120)],
        [0, text(8, 50)],
        [2, text(9, 30)],
      ],
    );
    expect(bytesBySource(code, map)).toEqual(
      new Map([
        [NEXT, 350],
        [OURS, 120],
        [THEMES, 30],
      ]),
    );
  });
});
