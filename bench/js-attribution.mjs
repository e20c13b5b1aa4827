// Splits a JavaScript chunk into Next's own runtime and everything else, module by module, using
// the chunk's source map. Used by bench/weight.mjs; see "Page weight" in BENCHMARKS.md.
import { gzipSync } from 'node:zlib';

/**
 * Packages that make up Next's own runtime. React ships inside next/dist/compiled, but a build
 * may also resolve the standalone packages, so they count too. Anything else — our components
 * and libraries we chose, such as next-themes — is ours.
 */
export const RUNTIME_PACKAGES = ['next', 'react', 'react-dom', 'scheduler', '@swc/helpers'];

/** The package a source path belongs to (the last node_modules segment), or undefined. */
export function packageOf(source) {
  const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  return match?.[1];
}

/** Turbopack's own runtime sources are named `[turbopack]/…`; Next's packages by their path. */
export function isRuntimeSource(source) {
  if (source.includes('[turbopack]/')) return true;
  const pkg = packageOf(source);
  return pkg !== undefined && (RUNTIME_PACKAGES.includes(pkg) || pkg.startsWith('@next/'));
}

/** A readable name for a source: the project path, or `package/file` for node_modules. */
export function shortName(source) {
  const pkg = packageOf(source);
  if (pkg) {
    const marker = `/node_modules/${pkg}/`;
    return `${pkg}/${source.slice(source.lastIndexOf(marker) + marker.length)}`;
  }
  return source.replace(/^turbopack:\/\/\/\[project\]\//, '').replace(/^.*?\/wt-[^/]+\//, '');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * For each generated line, the ranges of columns [start, end) and the source index each comes
 * from. Bytes a map leaves unmapped (module wrappers, separators) go with the code before them;
 * a line's leading unmapped bytes go with its first mapped source.
 */
function lineRanges(code, map) {
  const lines = code.split('\n');
  let sourceIndex = 0;
  return map.mappings.split(';').map((text, lineNo) => {
    const line = lines[lineNo] ?? '';
    const starts = [];
    let column = 0;
    for (const segment of text ? text.split(',') : []) {
      const [dColumn = 0, dSource] = decodeSegment(segment);
      column += dColumn;
      if (dSource !== undefined) {
        sourceIndex += dSource;
        // Later fields (line, column, name) are relative too, but only the source matters here.
        starts.push({ column, source: sourceIndex });
      } else {
        starts.push({ column, source: undefined });
      }
    }
    const mapped = starts.filter((s) => s.source !== undefined);
    if (mapped.length === 0) return { line, ranges: [] };
    const ranges = [];
    let current = mapped[0].source;
    let start = 0;
    for (const s of mapped) {
      if (s.source === current) continue;
      ranges.push({ start, end: s.column, source: current });
      current = s.source;
      start = s.column;
    }
    ranges.push({ start, end: line.length, source: current });
    return { line, ranges };
  });
}

const gzip = (text) => gzipSync(text).length;

/**
 * Attributes a chunk. `above` is what our code adds to the gzip size of the file: the file's
 * gzip size minus the gzip size of the same file with every byte of ours taken out. `modules`
 * gives each non-runtime source's raw bytes and what the file would lose without it alone.
 */
export function attributeChunk(code, map) {
  const lines = lineRanges(code, map);
  // Lines past the end of the mappings are unmapped trailers such as the sourceMappingURL comment.
  const trailer = code.split('\n').slice(lines.length).join('\n');
  const raw = new Map();
  for (const { ranges } of lines)
    for (const r of ranges) raw.set(r.source, (raw.get(r.source) ?? 0) + (r.end - r.start));

  const without = (drop) =>
    lines
      .map(({ line, ranges }) =>
        ranges.length === 0
          ? line
          : ranges
              .filter((r) => !drop(map.sources[r.source]))
              .map((r) => line.slice(r.start, r.end))
              .join(''),
      )
      .concat(trailer ? [trailer] : [])
      .join('\n');

  const total = gzip(code);
  const ours = (source) => !isRuntimeSource(source);
  const hasOurs = map.sources.some(ours);
  const above = hasOurs ? total - gzip(without(ours)) : 0;
  const modules = [];
  for (const [index, bytes] of raw) {
    const source = map.sources[index];
    if (!ours(source)) continue;
    modules.push({
      module: shortName(source),
      raw: bytes,
      gzipIfRemoved: total - gzip(without((s) => s === source)),
    });
  }
  modules.sort((a, b) => b.raw - a.raw);
  return { total, above, modules };
}

/**
 * Where a function at a generated position comes from: a function of (line, column), both
 * 0-based as V8's CPU profiles give a function's start, returning a source path or undefined.
 * The segment starting at or next after the column on its line wins, else the one before it: a
 * bundler's module wrapper (Turbopack's `id, e => {`) is unmapped, and the function that starts
 * there is the module's own code that follows, not the module before.
 */
export function sourceAt(map) {
  let sourceIndex = 0;
  const lines = map.mappings.split(';').map((text) => {
    const segments = [];
    let column = 0;
    for (const segment of text ? text.split(',') : []) {
      const [dColumn = 0, dSource] = decodeSegment(segment);
      column += dColumn;
      if (dSource !== undefined) sourceIndex += dSource;
      segments.push({ column, source: dSource === undefined ? undefined : sourceIndex });
    }
    return segments;
  });
  return (line, column) => {
    const segments = lines[line] ?? [];
    // The first segment at or after the column (binary search), else the last one before it.
    let low = 0;
    let high = segments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (segments[mid].column < column) low = mid + 1;
      else high = mid;
    }
    const found = segments[low] ?? segments[low - 1];
    return found?.source === undefined ? undefined : map.sources[found.source];
  };
}

/** Raw bytes of a chunk by source (a map of source path to bytes), for saying what a chunk holds. */
export function bytesBySource(code, map) {
  const bytes = new Map();
  for (const { ranges } of lineRanges(code, map)) {
    for (const r of ranges) {
      const source = map.sources[r.source];
      bytes.set(source, (bytes.get(source) ?? 0) + (r.end - r.start));
    }
  }
  return bytes;
}
