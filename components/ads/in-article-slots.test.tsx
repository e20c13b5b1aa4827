import { compile } from '@mdx-js/mdx';
import { render, screen } from '@testing-library/react';
import { mdxComponents } from '@/components/mdx/mdx-components';
import type { AdsConfig } from '@/lib/ads/schema';
import { mdxPlugins } from '@/lib/content/mdx/plugins';
import { renderMdxBlocks } from '@/lib/content/mdx/render';
import { InArticleSlots } from './in-article-slots';

const size = { width: 300, height: 250 };
const ads: AdsConfig = {
  provider: 'house',
  slots: {
    article: {
      afterParagraphs: [2],
      minParagraphs: 3,
      size: { phone: size, desktop: { width: 728, height: 90 } },
    },
  },
  promotions: [{ title: 'The Briefing', text: 'Daily.', href: '/support', action: 'Sign up' }],
};

/** An article body compiled as the content build compiles it. */
async function body(mdx: string) {
  const { remarkPlugins, rehypePlugins } = mdxPlugins();
  const code = String(
    await compile(mdx, { outputFormat: 'function-body', remarkPlugins, rehypePlugins }),
  );
  return renderMdxBlocks(code, mdxComponents);
}

function show(blocks: React.ReactNode[]) {
  render(
    <div className="article-body">
      <InArticleSlots blocks={blocks} ads={ads} rule={ads.slots.article!} page="/world/a" />
    </div>,
  );
}

describe('InArticleSlots', () => {
  it('puts the slot after the second paragraph, between blocks of the body', async () => {
    show(await body('One.\n\nTwo.\n\nThree.\n\nFour.\n'));
    const slot = screen.getByRole('group', { name: 'Advertisement' });
    expect(slot.previousElementSibling).toHaveTextContent('Two.');
    expect(slot.nextElementSibling).toHaveTextContent('Three.');
    expect(slot.parentElement).toHaveClass('article-body');
    expect(slot).toHaveTextContent('The Briefing');
  });

  it('moves past a table, a list and a timeline the paragraph introduces', async () => {
    show(
      await body(
        [
          'One.',
          'Two, which introduces a list:',
          '- a paragraph-like item\n- another',
          '| a | b |\n| - | - |\n| 1 | 2 |',
          '<Timeline caption="Dates">\n  <TimelineEvent date="2026-01-02">Text.</TimelineEvent>\n</Timeline>',
          'Three.',
          'Four.',
        ].join('\n\n'),
      ),
    );
    const slot = screen.getByRole('group', { name: 'Advertisement' });
    expect(slot.closest('table, ul, ol')).toBeNull();
    expect(slot.previousElementSibling).toHaveTextContent('Three.');
  });

  it('leaves a short story alone', async () => {
    show(await body('One.\n\nTwo.\n'));
    expect(screen.queryByRole('group', { name: 'Advertisement' })).toBeNull();
    expect(screen.getByText('Two.')).toBeInTheDocument();
  });
});
