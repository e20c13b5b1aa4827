import { z } from 'zod';
import { LIMITS } from './limits';
import { cleanText } from './sanitize';

const oneLine = (value: string) => cleanText(value, { multiline: false }).trim();

const httpUrl = z
  .string()
  .max(LIMITS.website, `Keep the address under ${LIMITS.website} characters.`)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'Enter a web address starting with http:// or https://.');

export const commentInput = z.object({
  name: z
    .string()
    .transform(oneLine)
    .pipe(
      z
        .string()
        .min(1, 'Enter your name.')
        .max(LIMITS.name, `Keep your name under ${LIMITS.name} characters.`),
    ),
  email: z
    .string()
    .transform((value) => oneLine(value).toLowerCase())
    .pipe(
      z
        .string()
        .min(1, 'Enter your email address.')
        .max(LIMITS.email, `Keep the address under ${LIMITS.email} characters.`)
        .pipe(z.email('Enter a valid email address, like name@example.com.')),
    ),
  website: z
    .string()
    .transform(oneLine)
    .transform((value) => (value === '' ? undefined : value))
    .pipe(httpUrl.optional()),
  comment: z
    .string()
    .transform((value) => cleanText(value, { multiline: true }).trim())
    .pipe(
      z
        .string()
        .min(LIMITS.commentMin, 'Write a comment of at least two characters.')
        .max(
          LIMITS.commentMax,
          `Keep your comment under ${LIMITS.commentMax.toLocaleString('en-GB')} characters.`,
        ),
    ),
  parentId: z
    .string()
    .optional()
    .transform((value) => (value ? Number(value) : undefined))
    .pipe(z.number().int().positive().optional()),
  articleSlug: z.string().min(1),
});

export type CommentInput = z.output<typeof commentInput>;
export const FIELDS = ['name', 'email', 'website', 'comment'] as const;
export type Field = (typeof FIELDS)[number];
export type FieldErrors = Partial<Record<Field, string>>;

/** What the reader typed, echoed back so a failed post loses nothing. */
export type FormValues = Record<Field, string> & { save: boolean; parentId: string };

export function formValues(data: FormData): FormValues {
  const text = (key: string) => {
    const value = data.get(key);
    return typeof value === 'string' ? value : '';
  };
  return {
    name: text('name'),
    email: text('email'),
    website: text('website'),
    comment: text('comment'),
    parentId: text('parentId'),
    save: data.get('save') === 'on',
  };
}

export type Parsed = { ok: true; input: CommentInput } | { ok: false; fieldErrors: FieldErrors };

export function parseComment(values: FormValues, articleSlug: string): Parsed {
  const result = commentInput.safeParse({ ...values, articleSlug });
  if (result.success) return { ok: true, input: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) {
      fieldErrors[field as Field] ??= issue.message;
    }
  }
  return { ok: false, fieldErrors };
}
