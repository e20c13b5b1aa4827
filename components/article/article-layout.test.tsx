import { render, screen } from '@testing-library/react';
import { compileDocument } from '@/lib/content/build/compile';
import { liveView } from '@/lib/content/live/arrange';
import { liveBlogOf } from '@/lib/content/live/live-blog';
import type { ArticleMeta } from '@/lib/content/schema/types';
import { testArticle } from '@/test/support/article-meta';
import { ArticleLayout } from './article-layout';

const BODY = `The storm reached the coast at dawn.

<Update time="2026-12-07T09:30:00Z" title="Ferries cancelled" keyEvent>All crossings stop.</Update>

<Update time="2026-12-07T08:00:00Z">Winds pick up.</Update>`;

async function layout(over: Partial<ArticleMeta>) {
  const doc = await compileDocument(BODY);
  const liveBlog = { ...liveBlogOf({ live: true }, doc.updates)!, ...over.liveBlog };
  const article = testArticle('storm', { date: '2026-12-07T06:00:00.000Z', ...over, liveBlog });
  return render(
    <ArticleLayout
      article={article}
      authors={[]}
      body={doc.code!}
      crumbs={[{ name: 'Home', href: '/' }]}
      live={liveView(article, 1, 20)}
    />,
  );
}

describe('ArticleLayout for a live story', { timeout: 30_000 }, () => {
  it('marks the story Live and says when it was last updated, to the minute', async () => {
    await layout({});
    expect(screen.getByText('Live')).toHaveClass('live-mark');
    const updated = screen.getByText('7 December 2026, 09:30 UTC', { selector: 'p > span > time' });
    expect(updated).toHaveAttribute('datetime', '2026-12-07T09:30:00.000Z');
    expect(screen.queryByText(/min read/)).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Key events' })).toBeVisible();
  });

  it('drops the mark once coverage has ended', async () => {
    await layout({ liveBlog: { ended: '2026-12-07T12:00:00.000Z', entries: [] } });
    expect(screen.queryByText('Live')).toBeNull();
  });
});
