import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Common = { id: string; label: string; error?: string; hint?: string };
type FormFieldProps =
  | (Common & { multiline?: false } & InputHTMLAttributes<HTMLInputElement>)
  | (Common & { multiline: true } & TextareaHTMLAttributes<HTMLTextAreaElement>);

const CONTROL =
  'mt-1 block w-full rounded-md border border-neutral-400 bg-white px-3 py-2 text-base dark:border-neutral-600 dark:bg-neutral-900 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400';

/** A labelled control whose error sits next to it and is announced with it. */
export function FormField(props: FormFieldProps) {
  const { id, label, error, hint, multiline, ...control } = props;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: CONTROL,
  };
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-neutral-600 dark:text-neutral-400">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...shared} {...(control as TextareaHTMLAttributes<HTMLTextAreaElement>)} />
      ) : (
        <input {...shared} {...(control as InputHTMLAttributes<HTMLInputElement>)} />
      )}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-semibold text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
