import type { ReactNode } from 'react';

type QuestionProps = { text: string; children: ReactNode };

/** One question and its answer inside <ReaderQuestions>. */
export function Question({ text, children }: QuestionProps) {
  return (
    <div className="question">
      <dt>{text}</dt>
      <dd>{children}</dd>
    </div>
  );
}
