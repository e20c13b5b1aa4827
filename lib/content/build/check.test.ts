import path from 'node:path';
import { checkPage } from './check';
import { formatFinding } from './findings';
import { buildContent } from './pipeline';

/** The content build on a folder, stopped before it writes anything: what an editor reads. */
async function checkContent(contentDir: string, publicDir: string) {
  const root = path.resolve(import.meta.dirname, '../../..');
  return (await buildContent({ root, contentDir, publicDir, check: true, full: true })).findings;
}

/**
 * One fixture file per kind of mistake in fixtures/content, each asserted to the letter and
 * the line: the messages are what editors read, so they are part of the contract.
 */
const fixtures = path.join(import.meta.dirname, 'fixtures');

describe('the content check', { timeout: 30_000 }, () => {
  it('reports every mistake, each with file, line, field, problem and fix', async () => {
    const findings = await checkContent(
      path.join(fixtures, 'content'),
      path.join(fixtures, 'public'),
    );
    expect(findings.map((f) => [f.severity, formatFinding(f)])).toEqual([
      [
        'error',
        'content/articles/Bad_Slug.mdx:1  slug  file name "Bad_Slug" is not URL-safe — rename the file with lower-case letters, digits and hyphens only',
      ],
      [
        'error',
        'content/articles/bad-date.mdx:4  date  "2026-13-45" is not a date — write it as 2026-11-28 or 2026-11-28T09:30:00Z',
      ],
      [
        'error',
        'content/articles/bad-timeline-date.mdx:11  body  <TimelineEvent> date: "Spring 2025" is not a date — write YYYY, YYYY-MM or YYYY-MM-DD',
      ],
      [
        'error',
        'content/articles/broken-link.mdx:12  body  link to /world/no-such-story leads nowhere — check the section and file name of the article you mean',
      ],
      [
        'error',
        'content/articles/component-misuse.mdx:10  body  <Callout> is a box of its own and cannot sit inside a sentence — put <Callout …> and </Callout> on lines of their own, with a blank line before and after',
      ],
      [
        'error',
        'content/articles/component-misuse.mdx:12  body  <Fact> only works inside <KeyFacts> — put it on its own line between <KeyFacts …> and </KeyFacts>',
      ],
      [
        'error',
        'content/articles/component-misuse.mdx:17  body  <Timeline> holds only <TimelineEvent> lines, not text — move it before <Timeline> or after </Timeline>',
      ],
      [
        'error',
        'content/articles/component-misuse.mdx:22  body  <Question> is empty — write the answer between <Question text="…"> and </Question>; for questions without answers, write them inside <ReaderQuestions> as a list, one per line starting with -',
      ],
      [
        'error',
        'content/articles/guid-control-character.mdx:8  guid  contains a control character — copy the id from the old feed exactly, on one line',
      ],
      [
        'warning',
        'content/articles/guid-not-an-address.mdx:8  guid  is not an address (http://…, https://…, tag: or urn:) — the RSS feed keeps it; the Atom feed, which takes only such ids, gives the story’s address',
      ],
      [
        'error',
        'content/articles/image-file-missing.mdx:8  image.src  no file public/images/missing.jpg — add the picture to public/images/ or correct the path',
      ],
      [
        'error',
        'content/articles/image-without-alt.mdx:8  image.alt  missing — describe what the picture shows, for readers who cannot see it',
      ],
      [
        'error',
        'content/articles/live-bad-time.mdx:11  body  <Update> needs a time="…" attribute — write <Update time="…">',
      ],
      [
        'error',
        'content/articles/live-bad-time.mdx:13  body  <Update> time: "19:00" is not a time — write it as 2026-12-07T09:30:00Z (a date, a time and Z, or an offset such as +01:00)',
      ],
      [
        'error',
        'content/articles/live-ended-before-first.mdx:9  liveEnded  2026-03-01T18:00:00Z is before the first entry (2026-03-01T19:00:00Z, line 12) — write the moment coverage ended, after the entries',
      ],
      [
        'error',
        'content/articles/live-entry-in-future.mdx:11  body  <Update> time: 2099-01-01T00:00:00Z is in the future — an entry shows as soon as it is published: write the time it happened, and publish it then',
      ],
      [
        'error',
        'content/articles/live-not-live.mdx:12  body  <Update> is for live stories, and this one is not live — add live: true to the frontmatter while the event runs (and liveEnded: 2026-12-07T09:30:00Z once it is over), or remove the <Update> tags',
      ],
      [
        'error',
        'content/articles/live-same-moment.mdx:13  body  <Update> time: 2026-03-01T19:00:00Z is the moment of the entry at line 11 too, so both would be #update-20260301t1900z — give each entry its own time, to the second if need be (09:30:15Z)',
      ],
      [
        'error',
        'content/articles/live-two-pinned.mdx:13  body  <Update> pinned: a second pinned entry (the first is at line 11) — pin one entry at most: remove pinned from all but one',
      ],
      [
        'warning',
        'content/articles/long-dek.mdx:3  dek  is 225 characters long — keep the standfirst under 200 characters',
      ],
      [
        'error',
        'content/articles/mdx-does-not-compile.mdx:12  body  MDX does not compile: Expected a closing tag for `<Callout>` — check the tags and braces there; write { and < in prose as words',
      ],
      [
        'error',
        "content/articles/mdx-is-code.mdx:10  body  `import secrets from '../../.env.json'` loads code into the article — remove the line: components need no import, and an article cannot load code or files",
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:12  body  `export const key = process.env.SECRET_K…` is JavaScript — remove the line and write the text itself',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:14  body  `{process.env.SECRET_KEY}` is JavaScript, and an article cannot run code — write the text itself; to show a curly brace, write \\{',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:16  body  <script> would run code in the page — remove it; for something interactive, ask the developers for a component',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:18  body  <iframe> embeds another page or media, which articles cannot do yet — link to it instead, e.g. [Watch the video](https://…); components for videos and social posts will come',
      ],
      [
        'error',
        "content/articles/mdx-is-code.mdx:20  body  <style> changes the page, not the article — remove it: the site's design styles every article",
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:22  body  <object> embeds another page or media, which articles cannot do yet — link to it instead, e.g. [Watch the video](https://…); components for videos and social posts will come',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:24  body  <embed> embeds another page or media, which articles cannot do yet — link to it instead, e.g. [Watch the video](https://…); components for videos and social posts will come',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:26  body  <a> href: a javascript: link is refused — link with https://…, a path on this site such as /world/a-story, or mailto:',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:26  body  a javascript: link is refused — link with https://…, a path on this site such as /world/a-story, or mailto:',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:28  body  <img> is HTML that Markdown writes for you — write ![what the picture shows](/images/picture.jpg)',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:28  body  `onerror` on <img> is an event handler, which runs a script — remove it: an article cannot run scripts',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:30  body  <div> is not an element an article may use — write Markdown, or use one of the components: Timeline, TimelineEvent, KeyFacts, Fact, Callout, KeyTakeaways, PullQuote, ReaderQuestions, Question, Update',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:30  body  `onClick` on <div> is an event handler, which runs a script — remove it: an article cannot run scripts',
      ],
      [
        'error',
        'content/articles/mdx-is-code.mdx:32  body  `{...props}` on <Callout> passes code — write each attribute as name="text"',
      ],
      [
        'error',
        'content/articles/missing-title.mdx:2  title  missing — add title: "…" to the frontmatter',
      ],
      [
        'error',
        'content/articles/nested/good.mdx:1  slug  "good" is already used by content/articles/good.mdx — give one of the two files another name',
      ],
      [
        'warning',
        'content/articles/no-tags.mdx:2  tags  none given — add tags: [topic, another-topic] so readers can find related stories',
      ],
      [
        'error',
        'content/articles/sticky-not-boolean.mdx:8  sticky  "yes" is not true or false — write sticky: true to keep the story at the top of the front page, or remove the line',
      ],
      [
        'error',
        'content/articles/unknown-author.mdx:6  author  unknown author "omar-elsayed" — did you mean `omar-el-sayed`?',
      ],
      [
        'error',
        'content/articles/unknown-component.mdx:12  body  <Chart> is not a Masthead component — use one of Timeline, TimelineEvent, KeyFacts, Fact, Callout, KeyTakeaways, PullQuote, ReaderQuestions, Question, Update',
      ],
      [
        'error',
        'content/articles/unknown-field.mdx:3  titel  is not a field Masthead knows — remove it, or did you mean `title`?',
      ],
      [
        'error',
        'content/articles/unknown-related.mdx:8  related  unknown article "god" — did you mean `good`?',
      ],
      [
        'error',
        'content/articles/unknown-section.mdx:5  section  unknown section "wrold" — did you mean `world`?',
      ],
      [
        'error',
        'content/articles/updated-before-date.mdx:5  updated  is before the publication date 2026-03-01 — use a date after date:, or remove updated:',
      ],
      [
        'error',
        'content/articles/wrong-type.mdx:8  draft  "yes" is not true or false — write draft: true, or remove the line to publish',
      ],
      [
        'error',
        'content/authors/mallory.mdx:5  body  `{process.env.ADMIN_PASSWORD}` is JavaScript, and an article cannot run code — write the text itself; to show a curly brace, write \\{',
      ],
      [
        'error',
        'content/pages/About_Us.mdx:1  path  "About_Us" cannot be part of an address — rename the file or folder with lower-case letters, digits and hyphens only',
      ],
      [
        'error',
        'content/pages/about/team/comment.mdx:1  path  /about/team/comment is an address the site uses itself — rename the page, or the folder it is in',
      ],
      [
        'error',
        'content/pages/draft-in-words.mdx:4  draft  "yes" is not true or false — write draft: true, or remove the line to publish',
      ],
      [
        'error',
        'content/pages/search.mdx:1  path  /search is an address the site uses itself — rename the page, or the folder it is in',
      ],
      [
        'error',
        'content/pages/world.mdx:1  path  /world is the address of the section "world" — rename the page, or the folder it is in: a page cannot share a section’s address',
      ],
      [
        'error',
        'content/pages/world/about.mdx:1  path  /world/about is inside the section "world", where its articles are — rename the page, or the folder it is in: a page cannot share a section’s address',
      ],
      [
        'error',
        'content/redirects/not-a-list.yaml:1  redirect  is not a field Masthead knows — a redirects file has one list, redirects:',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:9  from  "https://old.example/2019/05/absolute/" is not a path — write the path alone, without the old site\'s name: /2019/05/absolute/',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:12  to  "//evil.example/" is not a path on this site — write a path starting with a single /, e.g. /world/a-story: a redirect never leads off the site',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:14  to  "/\\\\evil.example" is not a path on this site — write a path starting with a single /, e.g. /world/a-story: a redirect never leads off the site',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:16  to  "https://evil.example/" is not a path on this site — write a path starting with a single /, e.g. /world/a-story: a redirect never leads off the site',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:18  to  "/\\t/evil.example" is not a path on this site — write a path starting with a single /, e.g. /world/a-story: a redirect never leads off the site',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:19  from  "/2019/05/A-Good-Story" is already redirected in content/redirects/old-addresses.yaml:3 — keep one of the two (addresses match in any case, with or without the / at the end)',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:21  from  "/world" is an address this site answers itself — remove this redirect: it would hide what is there',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:23  from  "/images/ok.jpg" is a file in public/ — remove this redirect: it would hide what is there',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:25  from  "/about/" is an address this site answers itself — remove this redirect: it would hide what is there',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:28  to  "/loop-b" is redirected back here ("/loop-a/" → "/loop-b/" → "/loop-a/") — remove one of these redirects',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:30  to  "/loop-a" is redirected back here ("/loop-b/" → "/loop-a/" → "/loop-b/") — remove one of these redirects',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:32  to  "/2019/05/a-good-story/" is itself redirected, to /world/good — write to: /world/good',
      ],
      [
        'warning',
        'content/redirects/old-addresses.yaml:34  to  "/world/no-such-story" is not a page this site has — check the address: readers following it find nothing there',
      ],
      [
        'warning',
        'content/redirects/old-addresses.yaml:36  to  "/world/good/" is not a page this site has — write it without the / at the end: /world/good',
      ],
      [
        'warning',
        'content/redirects/old-addresses.yaml:38  to  "/about/plans" is a draft, or not published yet — readers following it find nothing until it is published',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:39  from  "/two/?p=1&preview=true" has 2 query parameters — a redirect takes a path and at most one parameter, as WordPress’s /?p=123',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:41  from  missing — write each as - from: /old/address/ and, on the next line, to: /new/address',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:42  from  must be a path, as text — write from: "/…" in quotes',
      ],
      [
        'error',
        'content/redirects/old-addresses.yaml:46  note  is not a field Masthead knows — a redirect has from: and to:',
      ],
    ]);
  });

  it('finds nothing wrong with a correct article', async () => {
    const findings = await checkContent(
      path.join(fixtures, 'content'),
      path.join(fixtures, 'public'),
    );
    expect(findings.filter((f) => f.file === 'content/articles/good.mdx')).toEqual([]);
    // The right redirects: a permalink, a ?p= address, a picture's old address.
    expect(
      findings.filter((f) => f.file === 'content/redirects/old-addresses.yaml' && f.line <= 8),
    ).toEqual([]);
    // Pages at their paths, a draft among them.
    expect(
      findings.filter((f) => /^content\/pages\/about(\.mdx|\/team\.mdx|\/plans)/.test(f.file)),
    ).toEqual([]);
  });
});

describe('checkPage', () => {
  const page = (id: string) => ({
    kind: 'page' as const,
    id,
    file: `content/pages/${id}.mdx`,
    size: 0,
    mtimeMs: 0,
    read: () => '',
  });
  const doc = (data: Record<string, unknown>) => ({
    data,
    lines: { title: 2 },
    yamlErrors: [],
    problems: [],
    links: [],
    toc: [],
    updates: [],
    readingMinutes: 1,
  });
  const sections = new Set(['world']);
  const check = (id: string, data: Record<string, unknown>) =>
    checkPage(page(id), doc(data), sections).findings.map(formatFinding);

  it('takes a page at its path, and refuses one at a section’s address', () => {
    expect(check('support', { title: 'Support', description: 'D' })).toEqual([]);
    expect(check('about/team', { title: 'The team', description: 'D', draft: true })).toEqual([]);
    expect(check('world', { title: 'World', description: 'D' })).toEqual([
      'content/pages/world.mdx:1  path  /world is the address of the section "world" — rename the page, or the folder it is in: a page cannot share a section’s address',
    ]);
    expect(check('support', { description: 'D' })).toEqual([
      'content/pages/support.mdx:2  title  missing — add title: "…" to the frontmatter',
    ]);
  });
});
