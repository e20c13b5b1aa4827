import { render, screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { compileDocument } from '@/lib/content/build/compile';
import { liveView } from '@/lib/content/live/arrange';
import { livePoll } from '@/lib/content/live/feed';
import { liveBlogOf } from '@/lib/content/live/live-blog';
import type { LiveBlog } from '@/lib/content/schema/types';
import { invalidHtml } from '@/test/support/rendered-body';
import { LiveCoverage } from './live-coverage';

const URL = '/world/harbour-talks-live';

/** Entry n at 09:00 + n minutes; every third a key event, the second pinned. */
const entry = (n: number) => {
  const minute = String(n).padStart(2, '0');
  const flags = `${n % 3 === 0 ? ' keyEvent' : ''}${n === 2 ? ' pinned' : ''}`;
  return `<Update time="2026-12-07T09:${minute}:00Z" title="Entry ${n}"${flags}>\n\nWords of entry ${n}.\n\n</Update>`;
};

const BODY = ['Talks resumed this **morning**.', '', ...[1, 2, 3, 4, 5, 6, 7].map(entry)].join(
  '\n\n',
);

async function story(mdx = BODY) {
  const doc = await compileDocument(mdx);
  if (doc.code === null) throw new Error(JSON.stringify(doc.problems));
  return { code: doc.code, liveBlog: liveBlogOf({ live: true }, doc.updates)! };
}

const view = (liveBlog: LiveBlog, page: number) => liveView({ url: URL, liveBlog }, page, 3)!;

const entryIds = (container: HTMLElement) =>
  [...container.querySelectorAll('.live-updates article')].map((a) => a.id.slice(-5));

describe('LiveCoverage', { timeout: 30_000 }, () => {
  it('shows the summary, the key events, the pinned entry and the newest entries on page 1', async () => {
    const { code, liveBlog } = await story();
    const { container } = render(<LiveCoverage url={URL} code={code} view={view(liveBlog, 1)} />);
    expect(container.firstElementChild).toHaveTextContent('Talks resumed this morning.');
    const keyEvents = screen.getByRole('navigation', { name: 'Key events' });
    expect(
      within(keyEvents)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Entry 6', `${URL}#update-20261207t0906z`],
      ['Entry 3', `${URL}/page/2#update-20261207t0903z`],
    ]);
    // Pinned first, then newest first: three a page.
    expect(entryIds(container)).toEqual(['0902z', '0907z', '0906z', '0905z']);
    expect(screen.getByRole('link', { name: 'Older updates →' })).toHaveAttribute(
      'href',
      `${URL}/page/2`,
    );
  });

  it('shows older entries on a later page, without the summary or the pinned entry', async () => {
    const { code, liveBlog } = await story();
    const { container } = render(<LiveCoverage url={URL} code={code} view={view(liveBlog, 2)} />);
    expect(container).not.toHaveTextContent('Talks resumed');
    expect(screen.getByRole('link', { name: 'The latest are on the first page' })).toHaveAttribute(
      'href',
      URL,
    );
    expect(entryIds(container)).toEqual(['0904z', '0903z', '0901z']);
    expect(screen.getByRole('heading', { level: 2, name: 'Updates, page 2 of 2' })).toBeVisible();
    expect(screen.getByRole('link', { name: '← Newer updates' })).toHaveAttribute('href', URL);
    // The key events are on every page.
    expect(screen.getByRole('navigation', { name: 'Key events' })).toBeVisible();
  });

  it('is valid HTML, each entry once', async () => {
    const { code, liveBlog } = await story();
    const html = renderToStaticMarkup(
      <LiveCoverage url={URL} code={code} view={view(liveBlog, 1)} />,
    );
    expect(await invalidHtml(html)).toEqual([]);
  });

  it('says so before the first entry', async () => {
    const { code, liveBlog } = await story('Crews are on their way.');
    render(<LiveCoverage url={URL} code={code} view={view(liveBlog, 1)} />);
    expect(screen.getByText('No updates yet.')).toBeVisible();
    expect(screen.queryByRole('navigation', { name: 'Key events' })).toBeNull();
  });

  it('renders what the body has when the index names an entry the body lacks', async () => {
    const { code, liveBlog } = await story();
    const ghost = { id: 'update-20261207t0959z', time: '2026-12-07T09:59:00.000Z' };
    const stale = { entries: [ghost, ...liveBlog.entries] };
    const { container } = render(<LiveCoverage url={URL} code={code} view={view(stale, 1)} />);
    expect(entryIds(container)).toEqual(['0902z', '0907z', '0906z']);
  });

  it('polls for new entries on a running story’s first page only, where the page’s HTML is the feed’s', async () => {
    const { code, liveBlog } = await story();
    const poll = livePoll({ url: URL, liveBlog }, 3)!;
    expect(poll.endpoint).toBe(`${URL}/live.json`);
    const first = render(
      <LiveCoverage url={URL} code={code} view={view(liveBlog, 1)} poll={poll} />,
    );
    expect(await first.findByRole('status')).toBeEmptyDOMElement();
    // The entries the client is told it has are those on the page, with the markup it would get.
    const shown = [...first.container.querySelectorAll('.live-updates article')];
    expect(Object.keys(poll.known)).toEqual(shown.map((a) => a.id));
    // Room kept for the island's "… ago" from the first paint, and the label in it once it runs.
    expect(first.container.querySelector('.live-updates')).toHaveAttribute('data-live-times');
    expect(first.container.querySelectorAll('.live-update-ago')).toHaveLength(shown.length);
    first.unmount();
    const later = render(
      <LiveCoverage url={URL} code={code} view={view(liveBlog, 2)} poll={poll} />,
    );
    expect(later.queryByRole('status')).toBeNull();
    expect(later.container.querySelector('.live-updates')).not.toHaveAttribute('data-live-times');
    later.unmount();
    expect(
      livePoll({ url: URL, liveBlog: { ...liveBlog, ended: '2026-12-07T10:00:00Z' } }, 3),
    ).toBe(undefined);
    expect(livePoll({ url: URL }, 3)).toBeUndefined();
  });
});
