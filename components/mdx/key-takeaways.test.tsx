import { render, screen, within } from '@testing-library/react';
import { KeyTakeaways } from './key-takeaways';

describe('KeyTakeaways', () => {
  it('is a section named by its heading', () => {
    render(
      <KeyTakeaways>
        <ul>
          <li>One</li>
        </ul>
      </KeyTakeaways>,
    );
    const section = screen.getByRole('region', { name: 'Key takeaways' });
    expect(within(section).getByRole('listitem')).toHaveTextContent('One');
  });
});
