import { render, screen } from '@testing-library/react';
import { Update } from './update';

describe('Update', () => {
  it('is an entry at the address its time gives, with the time written out', () => {
    const { container } = render(
      <Update time="2026-12-07T10:30:00+01:00" title="Delegations arrive" keyEvent pinned>
        <p>Talks resume at noon.</p>
      </Update>,
    );
    const entry = container.querySelector('article');
    expect(entry).toHaveAttribute('id', 'update-20261207t0930z');
    const time = entry?.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2026-12-07T09:30:00.000Z');
    expect(time).toHaveTextContent('7 December 2026, 09:30 UTC');
    expect(screen.getByRole('heading', { level: 3, name: 'Delegations arrive' })).toBeVisible();
    expect(entry).toHaveTextContent(/Pinned.*Key event.*Talks resume at noon\./);
  });

  it('needs no title and no flags', () => {
    const { container } = render(<Update time="2026-12-07T09:30:15Z">Words.</Update>);
    expect(container.querySelector('article')).toHaveAttribute('id', 'update-20261207t093015z');
    expect(screen.queryByRole('heading')).toBeNull();
    expect(container).not.toHaveTextContent(/Pinned|Key event/);
  });

  it.each([
    ['a time that does not parse', { time: 'this morning' }],
    ['no time at all', {}],
    ['a time that is not text', { time: 1765099800000 }],
    ['a title that is not text', { time: '2026-12-07T09:30:00Z', title: { toString: 'x' } }],
    ['flags written with values', { time: '2026-12-07T09:30:00Z', keyEvent: 'no', pinned: 'no' }],
  ])('renders a stored body with %s without throwing', (_, props) => {
    const { container } = render(<Update {...props}>Still shown.</Update>);
    expect(container.querySelector('article')).toHaveTextContent('Still shown.');
    expect(container).not.toHaveTextContent(/Pinned|Key event/);
  });

  it('gives no address and no <time> to a time that does not parse', () => {
    const { container } = render(<Update time="2026-02-30T09:30:00Z">x</Update>);
    expect(container.querySelector('article')).not.toHaveAttribute('id');
    expect(container.querySelector('time')).toBeNull();
  });

  it('shows a title with markup in it as text', () => {
    render(
      <Update time="2026-12-07T09:30:00Z" title="<img src=x onerror=alert(1)>">
        x
      </Update>,
    );
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
      '<img src=x onerror=alert(1)>',
    );
    expect(document.querySelector('img')).toBeNull();
  });
});
