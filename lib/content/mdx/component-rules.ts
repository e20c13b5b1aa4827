import { parseEventDate, parseInstant } from '../schema/dates';
import { TIME_FORM } from '../schema/live';
import {
  contentOf,
  describe,
  isComponent,
  type JsxElement,
  type MdxNode,
  type Problem,
} from './tree';

/**
 * The components editors may use in MDX, what each needs and where each may stand. The build
 * checks every use against this table, so a typo or a box in the wrong place fails with the file
 * and line instead of a blank box or broken markup on the page.
 */
type PropRule = {
  required?: boolean;
  /** Returns a problem, or null when the value is fine. */
  check?: (value: string) => string | null;
  /** Set by writing its name alone (`<Update pinned>`); a value, even "false", is refused. */
  flag?: true;
};

type ComponentRule = {
  props: Record<string, PropRule>;
  /** The only parent this one works in: a <TimelineEvent> is a row of a <Timeline>. */
  inside?: string;
  /** The only thing this one holds: a <Timeline> is made of <TimelineEvent> rows. */
  holds?: string;
  /** What to write in it when it is empty. */
  fill: string;
  /** It stands only at the top of the body, outside lists, quotes and every other box. */
  topLevel?: true;
  /** Other boxes may go inside it, as they would outside: a live entry may hold a quote. */
  frame?: true;
};

export const CALLOUT_TONES = ['note', 'warning', 'analysis'] as const;
export type CalloutTone = (typeof CALLOUT_TONES)[number];

export const COMPONENT_RULES: Record<string, ComponentRule> = {
  Timeline: {
    props: { caption: { required: true } },
    holds: 'TimelineEvent',
    fill: 'add <TimelineEvent date="…">what happened</TimelineEvent> lines inside it, or remove it',
  },
  TimelineEvent: {
    props: {
      date: {
        required: true,
        check: (value) =>
          parseEventDate(value)
            ? null
            : `"${value}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`,
      },
      label: {},
    },
    inside: 'Timeline',
    fill: 'write what happened between <TimelineEvent date="…"> and </TimelineEvent>',
  },
  KeyFacts: {
    props: { caption: { required: true } },
    holds: 'Fact',
    fill: 'add <Fact label="…">the fact</Fact> lines inside it, or remove it',
  },
  Fact: {
    props: { label: { required: true } },
    inside: 'KeyFacts',
    fill: 'write the fact between <Fact label="…"> and </Fact>',
  },
  Callout: {
    props: {
      tone: {
        check: (value) =>
          (CALLOUT_TONES as readonly string[]).includes(value)
            ? null
            : `"${value}" is not a tone; write one of ${CALLOUT_TONES.join(', ')}`,
      },
      title: {},
    },
    fill: 'write the note between <Callout> and </Callout>, or remove it',
  },
  KeyTakeaways: {
    props: { title: {} },
    fill: 'write the takeaways inside it, one per line starting with -',
  },
  PullQuote: {
    props: { cite: {} },
    fill: 'write the quoted words between <PullQuote> and </PullQuote>',
  },
  ReaderQuestions: {
    props: { title: {} },
    fill: 'add <Question text="…">the answer</Question> lines, or a list of questions, inside it',
  },
  Question: {
    props: { text: { required: true } },
    inside: 'ReaderQuestions',
    fill: 'write the answer between <Question text="…"> and </Question>; for questions without answers, write them inside <ReaderQuestions> as a list, one per line starting with -',
  },
  // One entry of a live story (docs/decisions/030); what the entries say together (one pinned,
  // none in the future, no two at one moment) is checked by lib/content/build/live-check.ts.
  Update: {
    props: {
      time: {
        required: true,
        check: (value) =>
          parseInstant(value) ? null : `"${value}" is not a time; write it as ${TIME_FORM}`,
      },
      title: {},
      keyEvent: { flag: true },
      pinned: { flag: true },
    },
    topLevel: true,
    frame: true,
    fill: 'write what happened between <Update time="…"> and </Update>, or remove it',
  },
};

export const COMPONENT_NAMES = Object.keys(COMPONENT_RULES);

export type ComponentUse = {
  name: string;
  /** Attribute values written as plain strings; null for an attribute written without one. */
  attributes: Record<string, string | null>;
  /** Attributes written as code (`x={…}`, `on…=`): refused elsewhere, and not reported twice. */
  asCode?: string[];
};

/** Problems with one component's attributes, each a sentence an editor can act on. */
export function checkComponentUse(use: ComponentUse): Problem[] {
  const rules = COMPONENT_RULES[use.name]?.props;
  if (!rules) {
    return [
      {
        problem: `<${use.name}> is not a Masthead component`,
        fix: `use one of ${COMPONENT_NAMES.join(', ')}`,
      },
    ];
  }
  const problems: Problem[] = [];
  for (const [prop, rule] of Object.entries(rules)) {
    if (use.asCode?.includes(prop)) continue;
    const value = use.attributes[prop];
    if (value === undefined || value === null) {
      if (rule.required) {
        problems.push({
          problem: `<${use.name}> needs a ${prop}="…" attribute`,
          fix: `write <${use.name} ${prop}="…">`,
        });
      }
      continue;
    }
    if (rule.flag) {
      problems.push({
        problem: `<${use.name}> ${prop}="${value}": ${prop} takes no value`,
        fix: `write ${prop} alone to set it, or leave it out`,
      });
      continue;
    }
    const problem = rule.check?.(value);
    if (problem) {
      const [what = problem, ...fix] = problem.split('; ');
      problems.push({ problem: `<${use.name}> ${prop}: ${what}`, fix: fix.join('; ') });
    }
  }
  for (const prop of Object.keys(use.attributes)) {
    if (!(prop in rules)) {
      const known = Object.keys(rules);
      problems.push({
        problem: `<${use.name}> has no ${prop} attribute`,
        fix: known.length > 0 ? `remove it; <${use.name}> takes ${known.join(', ')}` : 'remove it',
      });
    }
  }
  return problems;
}

/** Where the component stands: in a sentence, in which parent, inside which other component. */
export type Placement = {
  inSentence: boolean;
  parent: MdxNode;
  /** The nearest Masthead component around it, if any. */
  enclosing: string | undefined;
};

export type PlacedProblem = Problem & { at?: MdxNode };

/** Problems with where a component stands and what it holds; `at` names a child at fault. */
export function componentPlacementProblems(
  element: JsxElement & { name: string },
  placement: Placement,
): PlacedProblem[] {
  const rule = COMPONENT_RULES[element.name];
  if (!rule) return [];
  const { name } = element;
  const problems: PlacedProblem[] = [];
  const parentName = isComponent(placement.parent) ? placement.parent.name : undefined;
  if (placement.inSentence) {
    problems.push({
      problem: `<${name}> is a box of its own and cannot sit inside a sentence`,
      fix: `put <${name} …> and </${name}> on lines of their own, with a blank line before and after`,
    });
  } else if (rule.inside && parentName !== rule.inside) {
    problems.push({
      problem: `<${name}> only works inside <${rule.inside}>`,
      fix: `put it on its own line between <${rule.inside} …> and </${rule.inside}>`,
    });
  } else if (rule.topLevel && placement.parent.type !== 'root') {
    problems.push({
      problem: `<${name}> cannot go inside ${placement.enclosing ? `<${placement.enclosing}>` : describe(placement.parent)}`,
      fix: `start <${name} …> at the beginning of a line, outside lists, quotes and other boxes`,
    });
  } else if (!rule.inside && placement.enclosing) {
    const outer = placement.enclosing;
    problems.push({
      problem: `<${name}> cannot go inside <${outer}>`,
      fix: `put it before <${outer}> or after </${outer}>`,
    });
  }

  const content = contentOf(element);
  if (content.length === 0) problems.push({ problem: `<${name}> is empty`, fix: rule.fill });
  for (const child of content) {
    // A component in the wrong box is named by its own rule above.
    if (isComponent(child)) continue;
    if (rule.holds) {
      problems.push({
        at: child,
        problem: `<${name}> holds only <${rule.holds}> lines, not ${describe(child)}`,
        fix: `move it before <${name}> or after </${name}>`,
      });
    } else if (child.type === 'heading') {
      problems.push({
        at: child,
        problem: `a heading cannot go inside <${name}>`,
        fix:
          'title' in rule.props
            ? `give the box its heading with <${name} title="…">, or put the heading before <${name}>`
            : `put the heading before <${name}>`,
      });
    }
  }
  return problems;
}
