import { render, screen, within } from '@testing-library/react';
import { Timeline } from './timeline';
import { TimelineEvent } from './timeline-event';

describe('Timeline', () => {
  it('is a captioned table whose rows are headed by machine-readable dates', () => {
    render(
      <Timeline caption="How the alliance grew">
        <TimelineEvent date="2025-04" label="April 2025">
          Deployment acknowledged
        </TimelineEvent>
        <TimelineEvent date="2025-12-12">Unit returns home</TimelineEvent>
      </Timeline>,
    );
    const table = screen.getByRole('table', { name: 'How the alliance grew' });
    expect(screen.getByRole('region', { name: 'Timeline: How the alliance grew' })).toHaveAttribute(
      'tabindex',
      '0',
    );
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Date', 'Event']);
    const rows = within(table).getAllByRole('rowheader');
    expect(rows.map((th) => th.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2025-04',
      '2025-12-12',
    ]);
    // Without a label the date is written out for people.
    expect(rows[1]).toHaveTextContent('12 December 2025');
    expect(within(table).getByRole('cell', { name: 'Deployment acknowledged' })).toBeVisible();
  });

  it('shows a date it cannot read as written, as text, rather than throwing', () => {
    const { container } = render(
      <table>
        <tbody>
          <TimelineEvent date="April 2025">x</TimelineEvent>
          <TimelineEvent date="<script>" label="Sometime">
            y
          </TimelineEvent>
        </tbody>
      </table>,
    );
    const heads = screen.getAllByRole('rowheader');
    expect(heads[0]).toHaveTextContent('April 2025');
    expect(heads[1]).toHaveTextContent('Sometime');
    // No machine-readable date where there is none to give, and no markup from the text.
    expect(container.querySelector('time')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });
});
