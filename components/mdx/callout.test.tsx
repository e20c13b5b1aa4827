import { render, screen } from '@testing-library/react';
import { Callout } from './callout';

describe('Callout', () => {
  it.each([
    ['note', 'Note'],
    ['warning', 'Warning'],
    ['analysis', 'Analysis'],
  ] as const)('names a %s callout for assistive technology', (tone, name) => {
    render(
      <Callout tone={tone} title="Why it matters">
        <p>Body</p>
      </Callout>,
    );
    const note = screen.getByRole('note', { name: `${name}: Why it matters` });
    expect(note).toHaveAttribute('data-tone', tone);
    expect(note).toHaveTextContent('Body');
  });

  it('defaults to a note and works without a title', () => {
    render(<Callout>Plain</Callout>);
    expect(screen.getByRole('note', { name: 'Note' })).toHaveTextContent('Plain');
  });
});
