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

/**
 * Editors' vocabulary: every name here may be used in MDX without an import. The content build
 * renders them too (a live story's newest entries, lib/content/live/entry-html.ts), outside Next
 * and from any folder, so they and what they use import relatively, never through `@/`.
 */
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
