import { compileDocument } from '../build/compile';
import type { UpdateBlock } from '../mdx/live-entries';
import { HTML_KEPT, withEntryHtml } from './entry-html';

const story = (body: string) =>
  `---\ntitle: t\ndek: d\ndate: 2026-03-01T08:00:00Z\nsection: world\nauthor: a\nlive: true\n---\n\n${body}\n`;

const entry = (minute: number, extra = '') =>
  `<Update time="2026-03-01T09:${String(minute).padStart(2, '0')}:00Z"${extra}>Entry ${minute}.</Update>`;

it('renders each entry as the page does: its address, its time, its flags, its words', async () => {
  const doc = await compileDocument(
    story(`Summary.\n\n${entry(5, ' title="Arrivals" keyEvent')}\n\n${entry(1)}`),
  );
  const [newest, older] = doc.updates;
  expect(newest?.html).toBe(
    '<article id="update-20260301t0905z" class="live-update"><p class="live-update-meta">' +
      '<time dateTime="2026-03-01T09:05:00.000Z">1 March 2026, 09:05 UTC</time>' +
      '<span class="live-update-flag">Key event</span></p><h3>Arrivals</h3>Entry 5.</article>',
  );
  expect(older?.html).toContain('Entry 1.</article>');
  // The summary is not an entry.
  expect(doc.updates.map((u) => u.html).join('')).not.toContain('Summary');
});

it(`keeps HTML for the newest ${HTML_KEPT} entries and the pinned one only`, async () => {
  const body = Array.from({ length: HTML_KEPT + 5 }, (_, i) =>
    entry(i, i === 0 ? ' pinned' : ''),
  ).join('\n\n');
  const doc = await compileDocument(story(body));
  const withHtml = doc.updates.filter((u) => u.html !== undefined);
  expect(withHtml).toHaveLength(HTML_KEPT + 1);
  expect(doc.updates.find((u) => u.pinned)?.html).toContain('data-pinned');
  expect(doc.updates.find((u) => u.time === '2026-03-01T09:01:00.000Z')?.html).toBeUndefined();
});

it('keeps the newest by the moment when times are written with different offsets', async () => {
  // 08:45 at -01:00 is 09:45 UTC, the newest entry, though the alphabet puts it before them all.
  const newest = '<Update time="2026-03-01T08:45:00-01:00">Newest.</Update>';
  const body = [newest, ...Array.from({ length: HTML_KEPT }, (_, i) => entry(i))].join('\n\n');
  const doc = await compileDocument(story(body));
  // Times as editors wrote them, not as the build normalizes them: the order must not depend on it.
  const written: UpdateBlock[] = [
    { line: 1, time: '2026-03-01T08:45:00-01:00', keyEvent: false, pinned: false },
    ...Array.from({ length: HTML_KEPT }, (_, i) => ({
      line: i + 2,
      // The same moments as the body's (09:mm UTC), every other one at +02:00.
      time: `2026-03-01T${i % 2 ? '09' : '11'}:${String(i).padStart(2, '0')}:00${i % 2 ? 'Z' : '+02:00'}`,
      keyEvent: false,
      pinned: false,
    })),
  ];
  const kept = withEntryHtml(doc.code ?? '', written);
  expect(kept[0]?.html).toContain('Newest.');
  // The oldest moment (11:00 at +02:00, 09:00 UTC) is the one past the newest HTML_KEPT.
  expect(kept.filter((u) => u.html === undefined).map((u) => u.time)).toEqual([
    '2026-03-01T11:00:00+02:00',
  ]);
});

it('keeps no HTML when a stored body does not run, rather than throwing', () => {
  const updates: UpdateBlock[] = [
    { line: 1, time: '2026-03-01T09:00:00.000Z', keyEvent: false, pinned: false },
  ];
  expect(withEntryHtml('throw new Error("hostile")', updates)).toEqual(updates);
  expect(withEntryHtml('not even javascript {', updates)).toEqual(updates);
});

it('has nothing to render for an article without entries', () => {
  expect(withEntryHtml('anything', [])).toEqual([]);
});
