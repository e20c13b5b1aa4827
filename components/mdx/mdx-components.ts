import { Callout } from './callout';
import { Fact } from './fact';
import { KeyFacts } from './key-facts';
import { KeyTakeaways } from './key-takeaways';
import { PullQuote } from './pull-quote';
import { Question } from './question';
import { ReaderQuestions } from './reader-questions';
import { Timeline } from './timeline';
import { TimelineEvent } from './timeline-event';
import { Update } from './update';

/** Editors' vocabulary: every name here may be used in MDX without an import. */
export const mdxComponents = {
  Callout,
  Fact,
  KeyFacts,
  KeyTakeaways,
  PullQuote,
  Question,
  ReaderQuestions,
  Timeline,
  TimelineEvent,
  Update,
};
