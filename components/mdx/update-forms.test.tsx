import { editorFormCases, type RefusedForm } from '@/test/support/editor-forms';

/**
 * <Update>, the entry of a live story, written the ways an editor plausibly writes it: each
 * form renders markup a validator accepts, or is refused by the check and the build at its line
 * (as components/mdx/editor-forms.test.tsx does for the other components).
 */
const lines = (...rows: string[]) => rows.join('\n');

const ACCEPTED: Record<string, string> = {
  'a summary, then entries between blank lines (editors.md)': lines(
    'Talks on the harbour treaty resumed this morning.',
    '',
    '<Update time="2026-12-07T09:30:00Z" title="Joint statement expected" keyEvent>',
    '',
    'Officials say a statement is near.',
    '',
    '</Update>',
    '',
    '<Update time="2026-12-07T09:00:00Z" title="Delegations arrive" pinned>',
    '',
    'Talks resume at noon, **both** sides say.',
    '',
    '</Update>',
  ),
  'entries without a summary, text on their own lines': lines(
    '<Update time="2026-12-07T09:30Z">',
    'A short entry.',
    '</Update>',
    '<Update time="2026-12-07T10:40:00+01:00" keyEvent pinned>',
    'Another, ten minutes later, its time written in another zone.',
    '</Update>',
  ),
  'an entry on one line': '<Update time="2026-12-07T09:30:00Z">Short and done.</Update>',
  'an entry holding a list, a pull quote and key facts': lines(
    '<Update time="2026-12-07T09:30:00Z" title="What was agreed">',
    '',
    '- Ferries run again from Monday.',
    '- Tolls are frozen.',
    '',
    '<PullQuote cite="The harbour master">We are open for business.</PullQuote>',
    '',
    '<KeyFacts caption="The deal">',
    '<Fact label="Ferries">From Monday</Fact>',
    '</KeyFacts>',
    '',
    '</Update>',
  ),
  'notes for the desk between entries': lines(
    '<Update time="2026-12-07T09:30:00Z">One.</Update>',
    '',
    '{/* next entry from Lena */}',
    '',
    '<Update time="2026-12-07T09:40:00Z">Two.</Update>',
  ),
};

/** Each form, and the first problem the check names: its line and the start of the message. */
const REFUSED: Record<string, RefusedForm> = {
  'an entry without a time': [
    lines('Summary.', '', '<Update title="t">x</Update>'),
    3,
    '<Update> needs a time="…" attribute',
  ],
  'a time without a date': [
    '<Update time="09:30">x</Update>',
    1,
    '<Update> time: "09:30" is not a time',
  ],
  'a time without a zone': [
    '<Update time="2026-12-07T09:30">x</Update>',
    1,
    '<Update> time: "2026-12-07T09:30" is not a time',
  ],
  'a day that does not exist': [
    '<Update time="2026-11-31T09:30:00Z">x</Update>',
    1,
    '<Update> time: "2026-11-31T09:30:00Z" is not a time',
  ],
  'a flag with a value': [
    '<Update time="2026-12-07T09:30:00Z" keyEvent="false">x</Update>',
    1,
    '<Update> keyEvent="false": keyEvent takes no value',
  ],
  'an attribute it does not have': [
    '<Update time="2026-12-07T09:30:00Z" author="lena">x</Update>',
    1,
    '<Update> has no author attribute',
  ],
  'a time written as code': [
    '<Update time={new Date()}>x</Update>',
    1,
    '`time={new Date()}` on <Update>',
  ],
  'text after the first entry': [
    lines('<Update time="2026-12-07T09:30:00Z">x</Update>', '', 'A stray paragraph.'),
    3,
    'text after the first <Update> belongs to no entry',
  ],
  'a heading between entries': [
    lines(
      '<Update time="2026-12-07T09:30:00Z">x</Update>',
      '',
      '## Earlier',
      '',
      '<Update time="2026-12-07T09:00:00Z">y</Update>',
    ),
    3,
    'a heading after the first <Update> belongs to no entry',
  ],
  'a heading inside an entry': [
    lines('<Update time="2026-12-07T09:30:00Z">', '', '## Breaking', '', 'x', '', '</Update>'),
    3,
    'a heading cannot go inside <Update>',
  ],
  'an empty entry': ['<Update time="2026-12-07T09:30:00Z" />', 1, '<Update> is empty'],
  'an entry inside a sentence': [
    'As of <Update time="2026-12-07T09:30:00Z">x</Update> now.',
    1,
    '<Update> is a box of its own and cannot sit inside a sentence',
  ],
  'an entry in a list': [
    '- <Update time="2026-12-07T09:30:00Z">x</Update>',
    1,
    '<Update> cannot go inside a list',
  ],
  'an entry in a block quote': [
    '> <Update time="2026-12-07T09:30:00Z">x</Update>',
    1,
    '<Update> cannot go inside a block quote',
  ],
  'an entry inside a Callout': [
    lines('<Callout>', '<Update time="2026-12-07T09:30:00Z">x</Update>', '</Callout>'),
    2,
    '<Update> cannot go inside <Callout>',
  ],
  'an entry inside an entry': [
    lines(
      '<Update time="2026-12-07T09:30:00Z">',
      '<Update time="2026-12-07T09:40:00Z">x</Update>',
      '</Update>',
    ),
    2,
    '<Update> cannot go inside <Update>',
  ],
};

describe('<Update> written the ways editors write it', { timeout: 30_000 }, () => {
  editorFormCases(ACCEPTED, REFUSED);
});
