/** The separator between what is wrong and what to do; nothing an editor writes contains it. */
export const FIX = ' — ';

/**
 * A schema's message as "what is wrong — what to write instead", split into the two halves of a
 * finding by lib/content/build/findings.ts.
 */
export const say = (problem: string, fix: string) => `${problem}${FIX}${fix}`;
