import { act, fireEvent, render, screen } from '@testing-library/react';
import { THEME_KEY, THEME_SCRIPT } from './theme-script';
import { ThemeToggle } from './theme-toggle';

/** A system preference the test can flip, as matchMedia reports it (jsdom has none). */
function systemPrefers(dark: boolean) {
  const listeners: (() => void)[] = [];
  const query = {
    matches: dark,
    addEventListener: (_: string, listener: () => void) => listeners.push(listener),
  };
  vi.stubGlobal('matchMedia', () => query);
  return (next: boolean) => {
    query.matches = next;
    for (const listener of listeners) listener();
  };
}

const root = document.documentElement;
// The script as the page runs it: a plain function in the page's global scope.
const runScript = () => new Function(THEME_SCRIPT)();

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
  root.className = '';
  root.style.colorScheme = '';
});

describe('the theme script', () => {
  it('follows the system while nothing is stored, and its changes after', () => {
    const flip = systemPrefers(true);
    runScript();
    expect(root.className).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    flip(false);
    expect(root.className).toBe('light');
  });

  it('prefers a stored choice to the system, and ignores a stored value that is not one', () => {
    systemPrefers(true);
    localStorage.setItem(THEME_KEY, 'light');
    runScript();
    expect(root.className).toBe('light');
    localStorage.setItem(THEME_KEY, '"><script>');
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_KEY }));
    expect(root.className).toBe('dark');
  });

  it('takes a choice made in another tab', () => {
    systemPrefers(false);
    runScript();
    localStorage.setItem(THEME_KEY, 'dark');
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_KEY }));
    expect(root.className).toBe('dark');
  });

  it('still sets a theme when storage refuses to be read', () => {
    systemPrefers(true);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    runScript();
    expect(root.className).toBe('dark');
  });
});

describe('ThemeToggle', () => {
  it('shows the theme the script set, and a click stores and applies the other', async () => {
    systemPrefers(false);
    runScript();
    render(<ThemeToggle />);
    const toggle = screen.getByRole('button', { name: 'Dark mode' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(toggle);
    expect(root.className).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    // The class changed on <html>; the toggle hears it through its observer.
    await act(() => Promise.resolve());
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(toggle);
    expect(root.className).toBe('light');
    expect(localStorage.getItem(THEME_KEY)).toBe('light');
  });

  it('follows a change it did not make (the system, another tab)', async () => {
    const flip = systemPrefers(false);
    runScript();
    render(<ThemeToggle />);
    flip(true);
    await act(() => Promise.resolve());
    expect(screen.getByRole('button', { name: 'Dark mode' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('keeps the choice for the page when storage refuses it', () => {
    systemPrefers(false);
    runScript();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    render(<ThemeToggle />);
    fireEvent.click(screen.getByRole('button', { name: 'Dark mode' }));
    expect(root.className).toBe('dark');
  });
});
