import { existsSync } from 'node:fs';
import path from 'node:path';
import type { articleSchema } from '../schema/frontmatter';
import {
  ARTICLE_FIELDS,
  authorSchema,
  pageSchema,
  sectionSchema,
  type ArticleFrontmatter,
  type AuthorFrontmatter,
  type PageFrontmatter,
  type SchemaContext,
  type SectionFrontmatter,
} from '../schema/frontmatter';
import { isAtomId } from '../../seo/feed-id';
import type { DocSummary } from './compile';
import { RESERVED_SECTION_IDS, URL_SAFE } from './addresses';
import { parseYaml } from './frontmatter';
import { liveFindings, updatesOutsideArticles } from './live-check';
import { pagePathProblem } from './page-paths';
import { lineOfField, schemaFindings, type Finding, type Severity } from './findings';
import type { Source } from './sources';

export { RESERVED_SECTION_IDS };

/** Lengths past which a headline or standfirst is flagged (a warning, not an error). */
export const LIMITS = { dek: 200, title: 110 };

const INTERNAL_LINK = /^\/([a-z0-9-]+)\/([a-z0-9-]+)\/?(?:[#?].*)?$/;
/** First path segments that are the site's own pages, not sections. */
const SITE_PATHS = new Set(['tags', 'authors', 'search', 'api', 'comments']);

export function schemaContext(
  sections: string[],
  authors: string[],
  slugs: string[],
  publicDir: string,
): SchemaContext {
  return {
    sections,
    authors,
    slugs,
    publicFileExists: (file) => {
      const resolved = path.resolve(publicDir, `.${file}`);
      return resolved.startsWith(path.resolve(publicDir) + path.sep) && existsSync(resolved);
    },
  };
}

const finding = (
  file: string,
  line: number,
  field: string,
  problem: string,
  fix: string,
  severity: Severity = 'error',
): Finding => ({ file, line, field, problem, fix, severity });

function yamlFindings(file: string, errors: DocSummary['yamlErrors']): Finding[] {
  return errors.map((e) =>
    finding(file, e.line, 'frontmatter', e.message, 'fix the YAML between the --- lines'),
  );
}

const bodyFindings = (file: string, doc: DocSummary) =>
  doc.problems.map((p) => finding(file, p.line, 'body', p.problem, p.fix));

/** File names that cannot be URLs, and two files claiming one URL. */
export function slugFindings(articles: Source[]): Finding[] {
  const findings: Finding[] = [];
  const first = new Map<string, string>();
  for (const { file, id } of articles) {
    if (!URL_SAFE.test(id)) {
      findings.push(
        finding(
          file,
          1,
          'slug',
          `file name "${id}" is not URL-safe`,
          'rename the file with lower-case letters, digits and hyphens only',
        ),
      );
    }
    const earlier = first.get(id);
    if (earlier) {
      findings.push(
        finding(
          file,
          1,
          'slug',
          `"${id}" is already used by ${earlier}`,
          'give one of the two files another name',
        ),
      );
    } else first.set(id, file);
  }
  return findings;
}

/** An article's frontmatter against the schema, its body's problems, and editorial advice. */
export function checkArticle(
  source: Source,
  doc: DocSummary,
  schema: ReturnType<typeof articleSchema>,
  /** The build's clock, which live entries may not be ahead of (as a scheduled article is). */
  now = Date.now(),
): { findings: Finding[]; frontmatter?: ArticleFrontmatter } {
  const { file } = source;
  if (doc.yamlErrors.length > 0) return { findings: yamlFindings(file, doc.yamlErrors) };
  const findings: Finding[] = [];
  const { data, lines } = doc;
  const advise = (field: string, problem: string, fix: string) =>
    findings.push(finding(file, lineOfField(lines, field), field, problem, fix, 'warning'));
  if (typeof data.title === 'string' && data.title.length > LIMITS.title) {
    advise(
      'title',
      `is ${data.title.length} characters long`,
      `keep headlines under ${LIMITS.title} characters`,
    );
  }
  if (typeof data.dek === 'string' && data.dek.length > LIMITS.dek) {
    advise(
      'dek',
      `is ${data.dek.length} characters long`,
      `keep the standfirst under ${LIMITS.dek} characters`,
    );
  }
  if (data.tags === undefined || (Array.isArray(data.tags) && data.tags.length === 0)) {
    advise(
      'tags',
      'none given',
      'add tags: [topic, another-topic] so readers can find related stories',
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) findings.push(...schemaFindings(file, parsed.error, lines, ARTICLE_FIELDS));
  const guid = parsed.success ? parsed.data.guid : undefined;
  if (guid !== undefined && !isAtomId(guid)) {
    advise(
      'guid',
      'is not an address (http://…, https://…, tag: or urn:)',
      'the RSS feed keeps it; the Atom feed, which takes only such ids, gives the story’s address',
    );
  }
  findings.push(...bodyFindings(file, doc), ...liveFindings(file, doc, now));
  return parsed.success ? { findings, frontmatter: parsed.data } : { findings };
}

export function checkAuthor(
  source: Source,
  doc: DocSummary,
): { findings: Finding[]; frontmatter?: AuthorFrontmatter } {
  if (doc.yamlErrors.length > 0) return { findings: yamlFindings(source.file, doc.yamlErrors) };
  const parsed = authorSchema.safeParse(doc.data);
  const findings = parsed.success
    ? []
    : schemaFindings(source.file, parsed.error, doc.lines, Object.keys(authorSchema.shape));
  findings.push(...bodyFindings(source.file, doc), ...updatesOutsideArticles(source.file, doc));
  return parsed.success ? { findings, frontmatter: parsed.data } : { findings };
}

/** A page of the newsroom's own: its path (its address) and its frontmatter. */
export function checkPage(
  source: Source,
  doc: DocSummary,
  sections: ReadonlySet<string>,
): { findings: Finding[]; frontmatter?: PageFrontmatter } {
  const { file, id } = source;
  const wrong = pagePathProblem(id, sections);
  if (wrong) return { findings: [finding(file, 1, 'path', wrong.problem, wrong.fix)] };
  if (doc.yamlErrors.length > 0) return { findings: yamlFindings(file, doc.yamlErrors) };
  const parsed = pageSchema.safeParse(doc.data);
  const findings = parsed.success
    ? []
    : schemaFindings(file, parsed.error, doc.lines, Object.keys(pageSchema.shape));
  findings.push(...bodyFindings(file, doc), ...updatesOutsideArticles(file, doc));
  return parsed.success ? { findings, frontmatter: parsed.data } : { findings };
}

export function checkSection(source: Source): {
  findings: Finding[];
  frontmatter?: SectionFrontmatter;
} {
  const { file, id } = source;
  const yaml = parseYaml(source.read());
  if (yaml.errors.length > 0) {
    return {
      findings: yaml.errors.map((e) =>
        finding(file, e.line, 'yaml', `is not valid YAML: ${e.message}`, 'fix the line'),
      ),
    };
  }
  const findings: Finding[] = [];
  if (RESERVED_SECTION_IDS.has(id)) {
    findings.push(
      finding(file, 1, 'id', `"${id}" is a path the site uses itself`, 'rename the section file'),
    );
  } else if (!URL_SAFE.test(id)) {
    findings.push(
      finding(
        file,
        1,
        'id',
        `file name "${id}" is not URL-safe`,
        'rename the file with lower-case letters, digits and hyphens only',
      ),
    );
  }
  const parsed = sectionSchema.safeParse(yaml.data);
  if (!parsed.success) {
    findings.push(
      ...schemaFindings(file, parsed.error, yaml.lines, Object.keys(sectionSchema.shape)),
    );
  }
  return parsed.success && findings.length === 0
    ? { findings, frontmatter: parsed.data }
    : { findings };
}

/** Links to /<section>/<slug> on this site that would answer 404. */
export function linkFindings(
  file: string,
  links: DocSummary['links'],
  sectionOf: Map<string, string | undefined>,
  /** Whether something other than an article answers the address: a page, a redirect. */
  answered: (url: string) => boolean = () => false,
): Finding[] {
  const findings: Finding[] = [];
  for (const link of links) {
    const match = INTERNAL_LINK.exec(link.url);
    if (!match) continue;
    const [, section = '', slug = ''] = match;
    if (SITE_PATHS.has(section)) continue;
    const target = sectionOf.get(slug);
    if (sectionOf.has(slug) && target === section) continue;
    if (answered(link.url)) continue;
    findings.push(
      finding(
        file,
        link.line,
        'body',
        `link to ${link.url} leads nowhere`,
        sectionOf.has(slug) && target
          ? `that article is at /${target}/${slug}`
          : 'check the section and file name of the article you mean',
      ),
    );
  }
  return findings;
}
