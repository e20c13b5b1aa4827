import { render, screen } from '@testing-library/react';
import { Question } from './question';
import { ReaderQuestions } from './reader-questions';

describe('ReaderQuestions', () => {
  it('lists questions and answers under "What this means for readers"', () => {
    render(
      <ReaderQuestions>
        <Question text="Will prices rise?">Probably a little.</Question>
        <Question text="When?">Next year.</Question>
      </ReaderQuestions>,
    );
    const section = screen.getByRole('region', { name: 'What this means for readers' });
    expect([...section.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Will prices rise?',
      'When?',
    ]);
    expect(section.querySelectorAll('dd')[0]).toHaveTextContent('Probably a little.');
  });

  it('keeps a list of open questions and a closing line out of the <dl>, which holds only answers', () => {
    const { container } = render(
      <ReaderQuestions title="Open questions">
        <p>We asked readers.</p>
        <Question text="Will prices rise?">A little.</Question>
        <Question text="When?">Next year.</Question>
        <ul>
          <li>Could the alliance outlast the war?</li>
        </ul>
        <p>Share your thoughts.</p>
      </ReaderQuestions>,
    );
    const section = container.querySelector('section');
    expect([...(section?.children ?? [])].map((el) => el.tagName)).toEqual([
      'H2',
      'P',
      'DL',
      'UL',
      'P',
    ]);
    expect(section?.querySelectorAll('dl dt')).toHaveLength(2);
  });
});
