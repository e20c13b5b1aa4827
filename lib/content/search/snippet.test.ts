import { snippet } from './snippet';

const text =
  'Officials in Seoul estimate that thousands of troops have served. Kim praised the alliance with Russia, and analysts in Ukraine and Europe worry about what Ukraine’s allies will do next.';

describe('snippet', () => {
  it('marks whole words that start with a matched term, any case', () => {
    const parts = snippet(text, ['ukrain', 'russia']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual([
      'Russia',
      'Ukraine',
      'Ukraine’s',
    ]);
    expect(parts.map((p) => p.text).join('')).toContain('alliance with Russia, and analysts');
  });

  it('does not mark a term inside another word', () => {
    expect(snippet('Prussian history', ['russia']).some((p) => p.match)).toBe(false);
  });

  it('starts near the first match and cuts at word boundaries', () => {
    const long = `${'filler words '.repeat(50)}the missile factory grew ${'more filler '.repeat(50)}`;
    const joined = snippet(long, ['missile'], 80)
      .map((p) => p.text)
      .join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(joined).toContain('missile factory');
    expect(joined.length).toBeLessThanOrEqual(84);
  });

  it('shows the opening when nothing matches', () => {
    expect(snippet('Short text.', [])).toEqual([{ text: 'Short text.', match: false }]);
  });
});
