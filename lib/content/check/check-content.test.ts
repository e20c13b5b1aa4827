import path from 'node:path';
import { checkContent, formatFinding } from './check-content';

/**
 * One fixture file per mistake in fixtures/content/articles, each asserted to the letter and
 * the line: the messages are what editors read, so they are part of the contract.
 */
const fixtures = path.join(__dirname, 'fixtures');

describe('checkContent', () => {
  it('reports every mistake, each with file, line, field, problem and fix', async () => {
    const findings = await checkContent(path.join(fixtures, 'content'), path.join(fixtures, 'public'));
    expect(findings.map((f) => [f.severity, formatFinding(f)])).toEqual([
      ['error', 'content/articles/Bad_Slug.mdx:1  slug  file name "Bad_Slug" is not URL-safe — rename the file with lower-case letters, digits and hyphens only'],
      ['error', 'content/articles/bad-date.mdx:4  date  "2026-13-45" is not a date — write it as 2026-11-28 or 2026-11-28T09:30:00Z'],
      ['error', 'content/articles/bad-timeline-date.mdx:11  body  <TimelineEvent> date: "Spring 2025" is not a date — write YYYY, YYYY-MM or YYYY-MM-DD'],
      ['error', 'content/articles/broken-link.mdx:12  body  link to /world/no-such-story leads nowhere — check the section and file name of the article you mean'],
      ['error', 'content/articles/image-file-missing.mdx:8  image.src  no file public/images/missing.jpg — add the picture to public/images/ or correct the path'],
      ['error', 'content/articles/image-without-alt.mdx:8  image.alt  missing — describe what the picture shows, for readers who cannot see it'],
      ['warning', 'content/articles/long-dek.mdx:3  dek  is 225 characters long — keep the standfirst under 200 characters'],
      ['error', 'content/articles/mdx-does-not-compile.mdx:12  body  MDX does not compile: Expected a closing tag for `<Callout>` — check the tags and braces there; write { and < in prose as words'],
      ['error', 'content/articles/missing-title.mdx:2  title  missing — add title: "…" to the frontmatter'],
      ['error', 'content/articles/nested/good.mdx:1  slug  "good" is already used by content/articles/good.mdx — give one of the two files another name'],
      ['warning', 'content/articles/no-tags.mdx:2  tags  none given — add tags: [topic, another-topic] so readers can find related stories'],
      ['error', 'content/articles/unknown-author.mdx:6  author  unknown author "omar-elsayed" — did you mean `omar-el-sayed`?'],
      ['error', 'content/articles/unknown-component.mdx:12  body  <Chart> is not a Masthead component — use one of Timeline, TimelineEvent, KeyFacts, Fact, Callout, KeyTakeaways, PullQuote, ReaderQuestions, Question'],
      ['error', 'content/articles/unknown-field.mdx:3  titel  is not a field Masthead knows — remove it, or did you mean `title`?'],
      ['error', 'content/articles/unknown-related.mdx:8  related  unknown article "god" — did you mean `good`?'],
      ['error', 'content/articles/unknown-section.mdx:5  section  unknown section "wrold" — did you mean `world`?'],
      ['error', 'content/articles/updated-before-date.mdx:5  updated  is before the publication date 2026-03-01 — use a date after date:, or remove updated:'],
      [
        'error',
        'content/articles/wrong-type.mdx:8  draft  "yes" is not true or false — write draft: true, or remove the line to publish',
      ],
    ]);
  });

  it('finds nothing wrong with a correct article', async () => {
    const findings = await checkContent(path.join(fixtures, 'content'), path.join(fixtures, 'public'));
    expect(findings.filter((f) => f.file === 'content/articles/good.mdx')).toEqual([]);
  });
});
