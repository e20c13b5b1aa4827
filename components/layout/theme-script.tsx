/** Where a reader's choice is kept: next-themes' key, so choices made before carry over. */
export const THEME_KEY = 'theme';

/**
 * Sets `light` or `dark` on <html> before the body paints: the stored choice, else the system's.
 * It then follows the system while no choice is stored, and choices made in other tabs. Plain
 * script, not a React provider (docs/decisions/033): next-themes did the same from a provider
 * around the whole page, and on mount set the class again and forced a style recalculation of
 * the whole document inside hydration (7 % of an article's blocking in a trace, though
 * Lighthouse's TBT did not move without it); this costs 1.1 KB less script on every page.
 */
export const THEME_SCRIPT = `(function () {
  var root = document.documentElement;
  var system = matchMedia('(prefers-color-scheme: dark)');
  function apply() {
    var stored = null;
    try { stored = localStorage.getItem('${THEME_KEY}'); } catch (e) {}
    var theme = stored === 'dark' || stored === 'light' ? stored : system.matches ? 'dark' : 'light';
    if (!root.classList.contains(theme)) {
      root.classList.remove(theme === 'dark' ? 'light' : 'dark');
      root.classList.add(theme);
    }
    root.style.colorScheme = theme;
  }
  apply();
  system.addEventListener('change', apply);
  addEventListener('storage', function (event) { if (event.key === '${THEME_KEY}') apply(); });
})();`;

/** The first element of <body>: it runs before anything below it is painted. */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
