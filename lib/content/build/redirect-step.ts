import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { routeTable } from '../../routing/route-table';
import { routesFile, type RoutesSource } from '../../routing/routes-file';
import { siteConfig } from '../../site';
import { findRedirect, pathKey } from '../redirects/addresses';
import { checkRedirects, type RedirectsFile } from '../redirects/check';
import { parseRedirects, type RedirectEntry } from '../redirects/parse';
import { sha256 } from './cache';
import type { Finding } from './findings';
import type { Source } from './sources';

/** Parsed redirects files by a hash of their text: see `parsed` below. */
const CACHE_DIR = path.join('.masthead', 'cache', 'redirects');

/** A redirects file past this is refused unread: split it. 200,000 redirects are about 20 MB. */
export const MAX_REDIRECTS_FILE_BYTES = 32 * 1024 * 1024;

/** The parser's own source: a change to it parses every file again. */
const PARSER = readFileSync(path.join(import.meta.dirname, '..', 'redirects', 'parse.ts'), 'utf8');

type Parsed = { entries: RedirectEntry[]; findings: Finding[] };

const readdirSafe = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/**
 * A redirects file parsed, from the cache when this text was parsed before. The `yaml` package
 * takes about a second and a half for 50,000 redirects (bench/redirects.ts), and an importer's
 * file is written once and published many times: every publish after the first reads it from
 * here in milliseconds.
 */
function parsed(root: string, fingerprint: string, source: Source, used: Set<string>): Parsed {
  const text = source.read();
  const key = sha256(`${fingerprint}\u0000${sha256(PARSER)}\u0000${source.file}\u0000${text}`);
  used.add(`${key}.json`);
  const file = path.join(root, CACHE_DIR, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Parsed;
  } catch {
    // Not parsed before, or unreadable: parse it.
  }
  const result = parseRedirects(source.file, text);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(result));
  renameSync(tmp, file);
  return result;
}

/**
 * content/redirects/*.yaml, checked against the site the version being built will be (`content`:
 * the articles, sections, authors and pages that passed the check; lib/content/redirects/
 * check.ts): the findings, and the redirects the proxy will answer, written into the version
 * beside routes.json. Only the files read now stay in the cache.
 */
export function redirectStep(
  build: {
    root: string;
    fingerprint: string;
    publicDir: string;
    publicFileExists: (path: string) => boolean;
  },
  sources: Source[],
  content: RoutesSource,
): { findings: Finding[]; file: RedirectsFile } {
  const { root, fingerprint } = build;
  const findings: Finding[] = [];
  const entries: RedirectEntry[] = [];
  const used = new Set<string>();
  for (const source of sources) {
    if (source.size > MAX_REDIRECTS_FILE_BYTES) {
      findings.push({
        file: source.file,
        line: 1,
        field: 'file',
        problem: `is ${Math.round(source.size / 1024 / 1024)} MB`,
        fix: `split it into files under ${MAX_REDIRECTS_FILE_BYTES / 1024 / 1024} MB`,
        severity: 'error',
      });
      continue;
    }
    const result = parsed(root, fingerprint, source, used);
    findings.push(...result.findings);
    entries.push(...result.entries);
  }
  for (const name of readdirSafe(path.join(root, CACHE_DIR)))
    if (!used.has(name)) rmSync(path.join(root, CACHE_DIR, name), { force: true });
  // Whether an old address is a file in public/ is asked of every redirect: only those whose
  // first folder is one public/ has cost a look at the disk.
  const top = new Set(readdirSafe(build.publicDir));
  const checked = checkRedirects(entries, {
    routes: routeTable(routesFile(content), Date.now(), siteConfig.pageSize),
    publicFileExists: (file) => top.has(file.split('/')[1] ?? '') && build.publicFileExists(file),
  });
  return { findings: [...findings, ...checked.findings], file: checked.file };
}

/**
 * Whether a link on this site is answered by a page (`/about/team`) or by a redirect (an old
 * address an import kept): the content check then has nothing to say about it, because a
 * reader who follows it arrives. Matched as the proxy matches requests.
 */
export function answeredBy(
  pages: readonly { url: string }[],
  file: RedirectsFile,
): (url: string) => boolean {
  const redirects = new Map(file.redirects);
  const pagePaths = new Set(pages.map((page) => pathKey(page.url)));
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url, 'http://masthead.invalid');
    } catch {
      return false;
    }
    if (pagePaths.has(pathKey(parsed.pathname))) return true;
    return findRedirect(redirects, parsed.pathname, parsed.searchParams) !== undefined;
  };
}
