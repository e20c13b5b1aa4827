import { Children, isValidElement, useId, type ReactNode } from 'react';
import { Question } from './question';

type ReaderQuestionsProps = { title?: string; children: ReactNode };

const isQuestion = (child: ReactNode) => isValidElement(child) && child.type === Question;

/**
 * Answered questions in a row become one description list; anything else an editor writes
 * between them (a list of open questions, a closing line) stays what it is, since a <dl> may hold
 * only questions and answers.
 */
function groupQuestions(children: ReactNode): ReactNode[] {
  const groups: ReactNode[][] = [];
  for (const child of Children.toArray(children)) {
    if (typeof child === 'string' && child.trim() === '') continue;
    const last = groups.at(-1);
    if (isQuestion(child) && last && isQuestion(last[0])) last.push(child);
    else groups.push([child]);
  }
  return groups.map((group, index) =>
    isQuestion(group[0]) ? <dl key={`questions-${index}`}>{group}</dl> : group,
  );
}

/** "What this means for readers": questions a reader would ask, answered or left open. */
export function ReaderQuestions({
  title = 'What this means for readers',
  children,
}: ReaderQuestionsProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="reader-questions">
      <h2 id={headingId}>{title}</h2>
      {groupQuestions(children)}
    </section>
  );
}
