import type { Element, ElementContent, RootContent } from 'hast';
import type { LostList } from './lost';
import type { BodyContext } from './types';

/** What cleaning needs and gathers: the context, the report, and every picture URL seen. */
export type CleanState = {
  context: BodyContext;
  lost: LostList;
  pictures: Set<string>;
};

/** Where an element stands, as far as the rules care. */
export type Where = {
  depth: number;
  /** A pull quote cannot hold another, nor a heading: the component refuses both. */
  inPullQuote: boolean;
  /** The provider of the embed block around, from its `is-provider-…` class. */
  embedSlug?: string;
};

/** Cleans the children of an element a rule took apart, at the given place. */
export type Clean = (
  children: readonly (RootContent | ElementContent)[],
  where: Where,
) => ElementContent[];

/** A rule returns what an element becomes, or undefined to leave it to the next rule. */
export type Rule = (
  node: Element,
  state: CleanState,
  where: Where,
  clean: Clean,
) => ElementContent[] | undefined;

/** Deeper than this, elements give way to their content: nothing real nests so far. */
export const MAX_DEPTH = 40;

export const deeper = (where: Where, more: Partial<Where> = {}): Where => ({
  ...where,
  ...more,
  depth: where.depth + 1,
});
