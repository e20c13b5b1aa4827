import { readFileSync } from 'node:fs';
import path from 'node:path';
import { routesFile } from '../../routing/routes-file';
import { siteConfig } from '../../site';
import {
  rankAllRelated,
  updateRelated,
  type RelatedInput,
  type RelatedState,
} from '../related/rank';
import { articleSchema, type ArticleFrontmatter } from '../schema/frontmatter';
import { bodyFile, VERSION_FILES, type VersionMeta } from '../store/layout';
import { collectGarbage, newVersionId, writeVersion } from '../store/write';
import type { ArticleMeta, AuthorMeta, ContentIndex, PageMeta, SectionMeta } from '../schema/types';
import type { AdsConfig } from '../../ads/schema';
import { articleMeta, authorMeta, pageMeta, sectionMeta } from './assemble';
import { CompileCache } from './cache';
import {
  checkArticle,
  checkAuthor,
  checkPage,
  checkSection,
  linkFindings,
  schemaContext,
  slugFindings,
} from './check';
import { checkAds } from '../../ads/check-file';
import { compileAll, type CompileJob } from './compile-step';
import { sortFindings, type Finding } from './findings';
import { compilerFingerprint } from './fingerprint';
import { withContentLock } from './lock';
import { readPrevious, type SourceEntry, type SourcesFile } from './previous';
import { searchIndexBuilder } from './search-builder';
import { searchDoc, searchDocOfRaw, type SearchChanges } from './search-step';
import { answeredBy, redirectStep } from './redirect-step';
import { readSources, type Source } from './sources';

export type BuildOptions = {
  root: string;
  contentDir: string;
  publicDir: string;
  /** Rank and index everything again, ignoring the current version. */
  full?: boolean;
  /** Check only: compile and validate, write no version. */
  check?: boolean;
  commit?: string;
  /** Remove old versions and unused bodies after writing (publish does it once live). */
  collectGarbage?: boolean;
};

export type BuildResult = {
  findings: Finding[];
  ok: boolean;
  version?: VersionMeta;
  timings: Record<string, number>;
  counts: { articles: number; compiled: number; threads: number; incremental: boolean };
};

/** A file as this build sees it: last version's summary, or freshly compiled (with its words). */
type Entry = SourceEntry & { text?: string };

/** Where the compiler and its plugins are installed: this checkout, whatever it builds. */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Related lists a little longer than a page shows, so scheduled articles can wait in them. */
const RELATED_KEPT = siteConfig.relatedCount + 2;

/**
 * The content build, one spine for every way it runs (`npm run content`, `npm run build`,
 * `npm run publish`, `npm run dev`): read content/ → compile what changed (cache, then worker
 * threads) → check every file against the schema and the archive → rank and index → write a
 * version and point `current` at it. Against the current version it compiles, ranks and
 * indexes only what changed; nothing is written when any file has an error.
 */
export async function buildContent(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  const { root } = options;
  const fingerprint = compilerFingerprint(PROJECT_ROOT);
  const cache = new CompileCache(root, fingerprint);
  const previous = options.full ? undefined : readPrevious(root, fingerprint);
  const { sources, refused } = readSources(options.contentDir);
  lap('read');
  // A link (or anything but files and folders) in content/: refused before any file is read.
  if (refused.length > 0) {
    const counts = { articles: 0, compiled: 0, threads: 0, incremental: false };
    return { findings: sortFindings(refused), ok: false, timings, counts };
  }

  const entries = new Map<string, Entry>();
  const jobs = new Map<string, CompileJob>();
  const waiting = new Map<string, Source[]>();
  const stamps = new Map<string, { size: number; mtimeMs: number }>();
  for (const source of sources) {
    if (source.kind === 'section' || source.kind === 'ads' || source.kind === 'redirects') continue;
    stamps.set(source.file, { size: source.size, mtimeMs: source.mtimeMs });
    const known = previous?.sources.files[source.file];
    // Size and time as when the current version was built: not even read.
    if (known && known.size === source.size && known.mtimeMs === source.mtimeMs) {
      entries.set(source.file, known);
      continue;
    }
    const text = source.read();
    const key = cache.key(text);
    if (known && known.key === key) {
      entries.set(source.file, known);
      continue;
    }
    jobs.set(key, { key, text });
    waiting.set(key, [...(waiting.get(key) ?? []), source]);
  }
  // A build without a version to start from indexes everything for search; that index grows on
  // a thread of its own as files are compiled, instead of after them.
  const search = !previous && !options.check ? searchIndexBuilder() : undefined;
  const { compiled, threads } = await compileAll(root, [...jobs.values()], cache, (entry) => {
    for (const source of waiting.get(entry.key) ?? []) {
      entries.set(source.file, entry);
      if (source.kind !== 'article' || !search) continue;
      const doc = searchDocOfRaw(source.id, entry.data, entry.text);
      if (doc) search.add(doc);
    }
  }).catch(async (error: unknown) => {
    await search?.cancel();
    throw error;
  });
  lap('compile');

  const findings: Finding[] = [];
  const sections: SectionMeta[] = [];
  const authors: AuthorMeta[] = [];
  const pages: PageMeta[] = [];
  let ads: AdsConfig | undefined;
  const articleSources = sources.filter((s) => s.kind === 'article');
  const context = schemaContext(
    sources.filter((s) => s.kind === 'section').map((s) => s.id),
    sources.filter((s) => s.kind === 'author').map((s) => s.id),
    articleSources.map((s) => s.id),
    options.publicDir,
  );
  findings.push(...slugFindings(articleSources));
  const sectionIds = new Set(context.sections);
  const schema = articleSchema(context);
  const sectionOf = new Map<string, string | undefined>();
  for (const source of articleSources) {
    const section = entries.get(source.file)!.data.section;
    if (!sectionOf.has(source.id))
      sectionOf.set(source.id, typeof section === 'string' ? section : undefined);
  }
  const checked: { source: Source; entry: Entry; fm: ArticleFrontmatter }[] = [];
  // Links are judged once pages and redirects are known: either may answer them.
  const linked: { file: string; links: Entry['links'] }[] = [];
  for (const source of sources) {
    if (source.kind === 'redirects') continue;
    if (source.kind === 'section') {
      const result = checkSection(source);
      findings.push(...result.findings);
      if (result.frontmatter) sections.push(sectionMeta(source.id, result.frontmatter));
      continue;
    }
    if (source.kind === 'ads') {
      const result = checkAds(source, context.publicFileExists);
      findings.push(...result.findings);
      ads = result.config;
      continue;
    }
    const entry = entries.get(source.file)!;
    if (source.kind === 'page') {
      const result = checkPage(source, entry, sectionIds);
      findings.push(...result.findings);
      if (result.frontmatter && entry.body) {
        pages.push(pageMeta(source.id, result.frontmatter, readBody(root, entry.body)));
      }
      continue;
    }
    if (source.kind === 'author') {
      const result = checkAuthor(source, entry);
      findings.push(...result.findings);
      if (result.frontmatter && entry.body) {
        authors.push(authorMeta(source.id, result.frontmatter, readBody(root, entry.body)));
      }
      continue;
    }
    const result = checkArticle(source, entry, schema);
    findings.push(...result.findings);
    if (result.frontmatter) checked.push({ source, entry, fm: result.frontmatter });
    linked.push({ file: source.file, links: entry.links });
  }
  // Old addresses, against the site this version will be: what they lead to, and hide.
  const redirects = redirectStep(
    { root, fingerprint, publicDir: options.publicDir, publicFileExists: context.publicFileExists },
    sources.filter((s) => s.kind === 'redirects'),
    {
      articles: checked.map(({ source, fm }) => ({ ...fm, slug: source.id, authorIds: fm.author })),
      sections,
      authors,
      pages,
    },
  );
  findings.push(...redirects.findings);
  const answered = answeredBy(pages, redirects.file);
  for (const { file, links } of linked)
    findings.push(...linkFindings(file, links, sectionOf, answered));
  const sorted = sortFindings(findings);
  const ok = !sorted.some((f) => f.severity === 'error');
  lap('check');
  const counts = {
    articles: checked.length,
    compiled,
    threads,
    incremental: previous !== undefined,
  };
  if (!ok || options.check) {
    await search?.cancel();
    return { findings: sorted, ok, timings, counts };
  }

  return withContentLock(root, async () => {
    const before = previous ? new Map(previous.index.articles.map((a) => [a.slug, a])) : undefined;
    const now = new Set(checked.map((c) => c.source.id));
    const changed = checked.filter(
      ({ source, entry }) =>
        previous?.sources.files[source.file]?.key !== entry.key || !before?.has(source.id),
    );
    const removed = before ? [...before.keys()].filter((slug) => !now.has(slug)) : [];

    const relatedInput = ({ source, entry, fm }: (typeof checked)[number]): RelatedInput => ({
      slug: source.id,
      section: fm.section,
      tags: fm.tags,
      date: fm.date,
      text: `${fm.title} ${fm.dek} ${entry.text ?? ''}`,
      picks: fm.related,
      draft: fm.draft,
    });
    let related: RelatedState;
    let searchFile: { name: string; text: string };
    if (previous) {
      related = previous.related;
      updateRelated(related, { upserts: changed.map(relatedInput), removed });
      const search: SearchChanges = {
        removed: [
          ...removed,
          ...changed.filter((c) => before?.has(c.source.id)).map((c) => c.source.id),
        ],
        added: changed
          .filter((c) => !c.fm.draft)
          .map((c) => searchDoc({ ...c.fm, slug: c.source.id }, c.entry.text ?? '')),
      };
      searchFile = { name: VERSION_FILES.searchChanges, text: JSON.stringify(search) };
    } else {
      // The search index finishes on its own thread while this one ranks.
      const built = search!.finish();
      related = rankAllRelated(checked.map(relatedInput), { limit: RELATED_KEPT });
      searchFile = { name: VERSION_FILES.search, text: await built };
    }
    lap('rank and index');

    const lists = new Map(related.docs.map((d) => [d.slug, d.list]));
    const articles: ArticleMeta[] = checked.map(({ source, entry, fm }) =>
      articleMeta(source.id, source.file, fm, {
        toc: entry.toc,
        updates: entry.updates,
        readingMinutes: entry.readingMinutes,
        body: entry.body!,
        related: lists.get(source.id) ?? [],
      }),
    );
    const index: ContentIndex = { articles, authors, sections, pages, ...(ads ? { ads } : {}) };
    const sourcesFile: SourcesFile = { fingerprint, files: {} };
    for (const [file, entry] of entries) {
      const { text: _text, ...summary } = entry;
      sourcesFile.files[file] = { ...summary, ...stamps.get(file) };
    }
    const meta: VersionMeta = {
      id: newVersionId(),
      ...(previous ? { previous: previous.meta.id } : {}),
      createdAt: new Date().toISOString(),
      ...(options.commit ? { commit: options.commit } : {}),
      fullSearch: !previous,
      articles: articles.length,
      changed: {
        added: changed.filter((c) => !before?.has(c.source.id)).map((c) => c.source.id),
        edited: changed.filter((c) => before?.has(c.source.id)).map((c) => c.source.id),
        removed,
      },
    };
    writeVersion(root, meta, {
      [VERSION_FILES.index]: JSON.stringify(index),
      [VERSION_FILES.routes]: JSON.stringify(routesFile(index)),
      [VERSION_FILES.redirects]: JSON.stringify(redirects.file),
      [VERSION_FILES.sources]: JSON.stringify(sourcesFile),
      [VERSION_FILES.related]: JSON.stringify(related),
      [searchFile.name]: searchFile.text,
    });
    if (options.collectGarbage !== false) collectGarbage(root);
    if (!previous) cache.prune();
    lap('write');
    return { findings: sorted, ok, version: meta, timings, counts };
  });
}

function readBody(root: string, hash: string): string {
  return (JSON.parse(readFileSync(bodyFile(hash, root), 'utf8')) as { code: string }).code;
}
