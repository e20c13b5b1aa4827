import { defineDocumentType, defineNestedType, makeSource } from 'contentlayer2/source-files';
import readingTime from 'reading-time';
import { rehypePlugins, remarkPlugins } from './lib/content/mdx-plugins';
import { extractToc } from './lib/content/toc';
import { buildContentIndex } from './lib/content/build-index';
import { keepFrontmatterData } from './lib/content/frontmatter-is-data';
import { formatProblems } from './lib/content/validate';

keepFrontmatterData();

const fileStem = (flattenedPath: string) => flattenedPath.split('/').pop() ?? flattenedPath;

const Correction = defineNestedType(() => ({
  name: 'Correction',
  fields: {
    date: { type: 'date', required: true, description: 'When the correction was made' },
    text: { type: 'string', required: true, description: 'What was wrong and what is right' },
  },
}));

const HeroImage = defineNestedType(() => ({
  name: 'HeroImage',
  fields: {
    src: { type: 'string', required: true, description: 'Path under public/, e.g. /images/x.jpg' },
    alt: {
      type: 'string',
      required: true,
      description: 'What the picture shows, for blind readers',
    },
    caption: { type: 'string' },
    credit: { type: 'string' },
  },
}));

export const Article = defineDocumentType(() => ({
  name: 'Article',
  filePathPattern: 'articles/**/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
    dek: { type: 'string', required: true, description: 'Standfirst; also the summary' },
    date: { type: 'date', required: true, description: 'Published, ISO 8601' },
    updated: { type: 'date' },
    section: { type: 'string', required: true, description: 'A section id' },
    // An id or a list of ids; validateReferences checks the shape and that each exists.
    author: { type: 'json', required: true },
    tags: { type: 'list', of: { type: 'string' }, default: [] },
    image: { type: 'nested', of: HeroImage },
    draft: { type: 'boolean', default: false },
    corrections: {
      type: 'list',
      of: Correction,
      description: 'Corrections, each with its date; shown at the end of the article',
    },
    related: {
      type: 'list',
      of: { type: 'string' },
      description: "Editor's picks for You may also like: slugs of other articles, in order",
    },
  },
  computedFields: {
    slug: { type: 'string', resolve: (doc) => fileStem(doc._raw.flattenedPath) },
    url: {
      type: 'string',
      resolve: (doc) => `/${doc.section}/${fileStem(doc._raw.flattenedPath)}`,
    },
    readingMinutes: {
      type: 'number',
      resolve: (doc) => Math.max(1, Math.round(readingTime(doc.body.raw).minutes)),
    },
    toc: { type: 'json', resolve: (doc) => extractToc(doc.body.raw) },
  },
}));

export const Author = defineDocumentType(() => ({
  name: 'Author',
  filePathPattern: 'authors/*.mdx',
  contentType: 'mdx',
  fields: {
    name: { type: 'string', required: true },
    role: { type: 'string', description: 'e.g. World Editor' },
    avatar: { type: 'string', description: 'Path under public/' },
  },
  computedFields: {
    id: { type: 'string', resolve: (doc) => fileStem(doc._raw.flattenedPath) },
  },
}));

export const Section = defineDocumentType(() => ({
  name: 'Section',
  filePathPattern: 'sections/*.yaml',
  contentType: 'data',
  fields: {
    name: { type: 'string', required: true },
    description: { type: 'string', required: true },
    order: { type: 'number', default: 100 },
  },
  computedFields: {
    id: { type: 'string', resolve: (doc) => fileStem(doc._raw.flattenedPath) },
  },
}));

export default makeSource({
  contentDirPath: 'content',
  disableImportAliasWarning: true,
  documentTypes: [Article, Author, Section],
  // A document that does not match its schema must stop the build, not quietly vanish.
  onMissingOrIncompatibleData: 'fail',
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'fail',
  mdx: { remarkPlugins, rehypePlugins },
  onSuccess: async () => {
    const problems = buildContentIndex(process.cwd());
    if (problems.length === 0) return;
    console.error(`\nContent errors (${problems.length}):\n${formatProblems(problems)}\n`);
    // In watch mode the editor fixes the file and the next save rebuilds; a build must stop.
    if (!process.argv.includes('dev')) process.exit(1);
  },
});
