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
});
