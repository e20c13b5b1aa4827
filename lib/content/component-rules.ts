import { parseEventDate } from './dates';

/**
 * The components editors may use in MDX and what each needs. The build checks every use
 * against this table, so a typo fails with the file and line instead of a blank box on the page.
 */
type PropRule = {
  required?: boolean;
  /** Returns a problem, or null when the value is fine. */
  check?: (value: string) => string | null;
};

export const CALLOUT_TONES = ['note', 'warning', 'analysis'] as const;
export type CalloutTone = (typeof CALLOUT_TONES)[number];

export const COMPONENT_RULES: Record<string, Record<string, PropRule>> = {
  Timeline: { caption: { required: true } },
  TimelineEvent: {
    date: {
      required: true,
      check: (value) =>
        parseEventDate(value) ? null : `"${value}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`,
    },
    label: {},
  },
  KeyFacts: { caption: { required: true } },
  Fact: { label: { required: true } },
  Callout: {
    tone: {
      check: (value) =>
        (CALLOUT_TONES as readonly string[]).includes(value)
          ? null
          : `"${value}" is not a tone; write one of ${CALLOUT_TONES.join(', ')}`,
    },
    title: {},
  },
  KeyTakeaways: { title: {} },
  PullQuote: { cite: {} },
  ReaderQuestions: { title: {} },
  Question: { text: { required: true } },
};

export type ComponentUse = {
  name: string;
  /** Attribute values written as plain strings; expressions are left to the renderer. */
  attributes: Record<string, string | null>;
};

/** Problems with one component as written, each a sentence an editor can act on. */
export function checkComponentUse(use: ComponentUse): string[] {
  const rules = COMPONENT_RULES[use.name];
  if (!rules) {
    const known = Object.keys(COMPONENT_RULES).join(', ');
    return [`<${use.name}> is not a Masthead component; use one of ${known}`];
  }
  const problems: string[] = [];
  for (const [prop, rule] of Object.entries(rules)) {
    const value = use.attributes[prop];
    if (value === undefined || value === null) {
      if (rule.required) problems.push(`<${use.name}> needs a ${prop}="…" attribute`);
      continue;
    }
    const problem = rule.check?.(value);
    if (problem) problems.push(`<${use.name}> ${prop}: ${problem}`);
  }
  for (const prop of Object.keys(use.attributes)) {
    if (!(prop in rules)) problems.push(`<${use.name}> has no ${prop} attribute`);
  }
  return problems;
}
