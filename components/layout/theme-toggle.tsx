'use client';

import { useSyncExternalStore } from 'react';
import { THEME_KEY } from './theme-script';

/** Re-renders the toggle whenever the class on <html> changes (the toggle, the system, a tab). */
function subscribe(changed: () => void) {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

/**
 * The island that flips light and dark. The theme script in <body> set the class before the
 * first paint; this only reads it and, on a click, stores the choice and applies it.
 */
export function ThemeToggle() {
  // null on the server and while hydrating: the button must not claim a state it cannot know.
  const dark = useSyncExternalStore(
    subscribe,
    () => document.documentElement.classList.contains('dark'),
    () => null,
  );
  const choose = () => {
    const theme = dark ? 'light' : 'dark';
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage refused (private mode, full): the choice holds for this page only.
    }
    const root = document.documentElement;
    root.classList.remove('light', 'dark');
    root.classList.add(theme);
    root.style.colorScheme = theme;
  };
  return (
    <button
      type="button"
      className="theme-toggle rounded-md border border-neutral-300 px-3 py-1.5 text-sm dark:border-neutral-700"
      aria-pressed={dark ?? undefined}
      onClick={choose}
    >
      <span aria-hidden="true" className="mr-1">
        {dark ? '☀' : '☾'}
      </span>
      Dark mode
    </button>
  );
}
