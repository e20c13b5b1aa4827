'use client';

import { useTheme } from 'next-themes';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** The island that flips light and dark; next-themes remembers the choice and prevents a flash. */
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  // The theme is only known in the browser; until hydration the button must not claim a state.
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const dark = hydrated && resolvedTheme === 'dark';
  return (
    <button
      type="button"
      className="theme-toggle rounded-md border border-neutral-300 px-3 py-1.5 text-sm dark:border-neutral-700"
      aria-pressed={hydrated ? dark : undefined}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
    >
      <span aria-hidden="true" className="mr-1">
        {dark ? '☀' : '☾'}
      </span>
      Dark mode
    </button>
  );
}
