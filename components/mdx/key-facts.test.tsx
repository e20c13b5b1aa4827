import { render, screen, within } from '@testing-library/react';
import { Fact } from './fact';
import { KeyFacts } from './key-facts';

describe('KeyFacts', () => {
  it('pairs each label with its fact in a captioned two-column table', () => {
    render(
      <KeyFacts caption="The alliance at a glance">
        <Fact label="Countries">North Korea and Russia</Fact>
        <Fact label="Casualties">At least nine engineers</Fact>
      </KeyFacts>,
    );
    const table = screen.getByRole('table', { name: 'The alliance at a glance' });
    const rows = within(table).getAllByRole('row');
    expect(
      rows.map((row) => [...row.children].map((c) => `${c.tagName}:${c.textContent}`)),
    ).toEqual([
      ['TH:Countries', 'TD:North Korea and Russia'],
      ['TH:Casualties', 'TD:At least nine engineers'],
    ]);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(2);
  });
});
