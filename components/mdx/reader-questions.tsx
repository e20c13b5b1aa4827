import { useId, type ReactNode } from 'react';

type ReaderQuestionsProps = { title?: string; children: ReactNode };

/** "What this means for readers": questions a reader would ask, each with its answer. */
export function ReaderQuestions({
  title = 'What this means for readers',
  children,
}: ReaderQuestionsProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="reader-questions">
      <h2 id={headingId}>{title}</h2>
      <dl>{children}</dl>
    </section>
  );
}
