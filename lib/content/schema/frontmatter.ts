import { z } from 'zod';
import { liveFields } from './live';
import { say } from './say';
import { didYouMean } from './suggest';

/**
 * The content contract, once: what an article, an author and a section may say in their
 * frontmatter. The content build validates every file with these schemas, the site's types are
 * what they produce (lib/content/schema/types.ts), and every message is written for the editor who
 * made the mistake: "what is wrong — what to write instead", split into the two halves of a
 * finding by lib/content/build/findings.ts. Checks that need the rest of the archive (does this
 * section exist? is this picture there?) take it from the context the build passes in.
 */
export type SchemaContext = {
  sections: string[];
  authors: string[];
  /** Every article's slug, for `related:` picks. */
  slugs: string[];
  /** Whether public/<path> exists, for pictures. */
  publicFileExists: (path: string) => boolean;
};

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export const isDate = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));

const missing = (input: unknown) => input === undefined;

/** "did you mean `world`?" when a known id is close, else the general advice. */
const suggestOr = (value: string, known: string[], otherwise: string) =>
  didYouMean(value, known).replace(/^; /, '') || otherwise;

const text = (field: string) =>
  z
    .string({
      error: (issue) =>
        missing(issue.input)
          ? say('missing', `add ${field}: "…" to the frontmatter`)
          : say('must be text', `write ${field}: "…" in quotes`),
    })
    .refine((value) => value.trim() !== '', {
      error: say('must be text', `write ${field}: "…" in quotes`),
    });

/** `draft: true` keeps an article or a page off the site; preview still opens it. */
const draft = z
  .boolean({
    error: (issue) =>
      say(
        `"${String(issue.input)}" is not true or false`,
        'write draft: true, or remove the line to publish',
      ),
  })
  .default(false);

const date = (field: string, example: string) =>
  z.string({ error: (issue) => dateMessage(issue.input, example) }).refine(isDate, {
    error: (issue) => dateMessage(issue.input, example),
  });

function dateMessage(input: unknown, example: string): string {
  return missing(input)
    ? say('missing', `add ${example}`)
    : say(`"${String(input)}" is not a date`, 'write it as 2026-11-28 or 2026-11-28T09:30:00Z');
}

export const heroImageSchema = z.strictObject(
  {
    src: z
      .string({
        error: say(
          'missing or not a path',
          'write src: /images/your-picture.jpg (a file under public/)',
        ),
      })
      .startsWith('/', {
        error: say(
          'missing or not a path',
          'write src: /images/your-picture.jpg (a file under public/)',
        ),
      }),
    alt: z
      .string({
        error: say('missing', 'describe what the picture shows, for readers who cannot see it'),
      })
      .refine((alt) => alt.trim() !== '', {
        error: say('missing', 'describe what the picture shows, for readers who cannot see it'),
      }),
    caption: z.string({ error: say('must be text', 'write caption: "…" in quotes') }).optional(),
    credit: z.string({ error: say('must be text', 'write credit: "…" in quotes') }).optional(),
  },
  { error: say('must have src: and alt: on indented lines', 'see the image example in README.md') },
);

const CORRECTION = say(
  'each correction needs a date and a text',
  'write - date: 2026-11-28 and text: "What was wrong and what is right."',
);

export const correctionSchema = z.strictObject(
  {
    date: z.string({ error: CORRECTION }).refine(isDate, { error: CORRECTION }),
    text: z.string({ error: CORRECTION }).refine((t) => t.trim() !== '', { error: CORRECTION }),
  },
  { error: CORRECTION },
);

/** Longer than any feed identifier WordPress or a feed generator writes, far shorter than abuse. */
export const GUID_MAX_LENGTH = 500;

/**
 * Characters an identifier may not carry: control characters (a newline would end the line of
 * the frontmatter that holds it, a NUL is not XML), lone surrogates and the two characters XML
 * forbids even escaped. Invisible format characters stay: WordPress's own ids carry them, and an
 * id is compared, never shown.
 */
const NOT_IN_GUID = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;

/**
 * The id feed readers know a story by, when it is not its address here: the GUID the old site
 * gave it (`http://old.example/?p=1`), so a moved archive does not show up as new in every
 * reader's feed. RSS carries it as `<guid isPermaLink="false">`, Atom as `<id>`.
 */
export const guidSchema = z
  .string({
    error: say('must be text', 'write guid: "http://old.example/?p=1" in quotes'),
  })
  .refine((guid) => guid.trim() !== '', {
    error: say('is empty', 'write the id the old site gave this story, or remove the line'),
  })
  .refine((guid) => guid.length <= GUID_MAX_LENGTH, {
    error: (issue) =>
      say(
        `is ${String(issue.input).length} characters long`,
        `an id is at most ${GUID_MAX_LENGTH} characters: copy it from the old feed exactly`,
      ),
  })
  .refine((guid) => !NOT_IN_GUID.test(guid), {
    error: say(
      'contains a control character',
      'copy the id from the old feed exactly, on one line',
    ),
  });

/** `x` or `[x, y]`, always read as a list. */
const oneOrMany = (error: string) =>
  z
    .union([z.string(), z.array(z.string())], { error })
    .transform((value) => (Array.isArray(value) ? value : [value]).map((v) => v.trim()));

export function articleSchema(context: SchemaContext) {
  const { sections, authors, slugs } = context;
  return z
    .strictObject({
      title: text('title'),
      dek: text('dek'),
      date: date('date', 'date: 2026-11-28 (or 2026-11-28T09:30:00Z)'),
      updated: date('updated', 'updated: 2026-11-28').optional(),
      section: z
        .string({
          error: (issue) =>
            missing(issue.input)
              ? say('missing', `add section: with one of ${sections.join(', ')}`)
              : say(
                  `unknown section "${String(issue.input)}"`,
                  `use one of ${sections.join(', ')}`,
                ),
        })
        .refine((id) => sections.includes(id), {
          error: (issue) =>
            say(
              `unknown section "${String(issue.input)}"`,
              suggestOr(String(issue.input), sections, `use one of ${sections.join(', ')}`),
            ),
        }),
      author: z
        .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)], {
          error: (issue) =>
            missing(issue.input)
              ? say('missing', 'add author: with an author id, e.g. author: omar-el-sayed')
              : say(
                  'must be an author id or a list of ids',
                  'write author: omar-el-sayed or author: [omar-el-sayed, lena-vogel]',
                ),
        })
        .transform((value) => (Array.isArray(value) ? value : [value]))
        .superRefine((ids, ctx) => {
          for (const id of ids) {
            if (authors.includes(id)) continue;
            ctx.addIssue({
              code: 'custom',
              message: say(
                `unknown author "${id}"`,
                suggestOr(
                  id,
                  authors,
                  `add content/authors/${id}.mdx, or use one of ${authors.join(', ')}`,
                ),
              ),
            });
          }
        }),
      tags: z
        .array(z.string(), {
          error: say('must be a list of words', 'write tags: [energy, europe]'),
        })
        .default([]),
      image: heroImageSchema
        .superRefine((image, ctx) => {
          if (!context.publicFileExists(image.src)) {
            ctx.addIssue({
              code: 'custom',
              path: ['src'],
              message: say(
                `no file public${image.src}`,
                'add the picture to public/images/ or correct the path',
              ),
            });
          }
        })
        .optional(),
      draft,
      related: oneOrMany(
        say('must be a list of articles', 'write related: [file-name-of-an-article, another]'),
      )
        .superRefine((picks, ctx) => {
          for (const pick of picks) {
            if (slugs.includes(pick)) continue;
            ctx.addIssue({
              code: 'custom',
              message: say(
                `unknown article "${pick}"`,
                suggestOr(pick, slugs, 'write the file name of another article, without .mdx'),
              ),
            });
          }
        })
        .default([]),
      guid: guidSchema.optional(),
      sticky: z
        .boolean({
          error: (issue) =>
            say(
              `"${String(issue.input)}" is not true or false`,
              'write sticky: true to keep the story at the top of the front page, or remove the line',
            ),
        })
        .default(false),
      ads: z
        .boolean({
          error: (issue) =>
            say(
              `"${String(issue.input)}" is not true or false`,
              'write ads: false to show no advertising in this article, or remove the line',
            ),
        })
        .default(true),
      corrections: z
        .array(correctionSchema, {
          error: say('must be a list', 'write each as - date: … and text: "…"'),
        })
        .default([]),
      ...liveFields,
    })
    .superRefine((article, ctx) => {
      if (article.updated !== undefined && Date.parse(article.updated) < Date.parse(article.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: say(
            `is before the publication date ${article.date}`,
            'use a date after date:, or remove updated:',
          ),
        });
      }
    });
}

export const authorSchema = z.strictObject({
  name: text('name'),
  role: z.string({ error: say('must be text', 'write role: "World Editor" in quotes') }).optional(),
  avatar: z
    .string({ error: say('must be a path', 'write avatar: /images/authors/name.jpg') })
    .startsWith('/', { error: say('must be a path', 'write avatar: /images/authors/name.jpg') })
    .optional(),
});

export const sectionSchema = z.strictObject({
  name: text('name'),
  description: text('description'),
  order: z
    .number({ error: say('must be a number', 'write order: 10 (lower comes first)') })
    .default(100),
});

/**
 * A page of the newsroom's own: content/pages/support.mdx is /support, and a page in a folder
 * is under its parent's address (content/pages/about/team.mdx: /about/team).
 */
export const pageSchema = z.strictObject({
  title: text('title'),
  description: text('description'),
  draft,
});

export type ArticleFrontmatter = z.output<ReturnType<typeof articleSchema>>;
export type AuthorFrontmatter = z.output<typeof authorSchema>;
export type SectionFrontmatter = z.output<typeof sectionSchema>;
export type PageFrontmatter = z.output<typeof pageSchema>;
export type HeroImage = z.output<typeof heroImageSchema>;
export type Correction = z.output<typeof correctionSchema>;

/** The fields an article may have, for "did you mean `title`?" on a misspelt one. */
export const ARTICLE_FIELDS = Object.keys(
  articleSchema({ sections: [], authors: [], slugs: [], publicFileExists: () => true }).shape,
);
