import type { FieldErrors, FormValues } from './schema';
import type { PublicComment } from './types';

/** What the comment form shows after a post; shared by the server action and the form. */
export type CommentFormState = {
  status: 'idle' | 'error' | 'published' | 'held';
  message?: string;
  fieldErrors: FieldErrors;
  /** What the reader typed, so nothing is lost; their own input, sent only to them. */
  values: FormValues;
  /** A fresh form token, when the one in the page has expired. */
  token?: string;
  /** The comment just posted, shown to its poster. */
  comment?: PublicComment;
  /** The returning-commenter proof for the browser to keep (lib/comments/commenter.ts). */
  proof?: string;
};

export const EMPTY_VALUES: FormValues = {
  name: '',
  email: '',
  website: '',
  comment: '',
  parentId: '',
  save: false,
};

export const initialFormState: CommentFormState = {
  status: 'idle',
  fieldErrors: {},
  values: EMPTY_VALUES,
};
