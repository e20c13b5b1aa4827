import { test as base, type BrowserContext } from '@playwright/test';

// Everything else as Playwright exports it; the `test` below takes the place of its own.
export * from '@playwright/test';

/** What Chromium prints when the Content-Security-Policy blocks something. */
const CSP_MESSAGE = /Content Security Policy|Refused to/i;

/**
 * Every spec imports `test` from here: a test fails when the Content-Security-Policy blocked
 * anything in any page it opened, so a change that needs a looser policy is caught by the suite
 * instead of by readers.
 *
 * Specs open pages through the `page` fixture, `browser.newContext()` and `browser.newPage()`
 * alike; all three go through `browser.newContext`, so the fixture wraps it for the test's
 * duration and watches each context it returns.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser }, use) => {
      const violations: string[] = [];
      const watch = async (context: BrowserContext) => {
        context.on('console', (message) => {
          if (CSP_MESSAGE.test(message.text())) {
            violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
          }
        });
        context.on('weberror', (error) => {
          if (CSP_MESSAGE.test(String(error.error()))) {
            violations.push(`${error.page()?.url() ?? '?'}: ${String(error.error())}`);
          }
        });
        // Chromium's wording changes between versions; the DOM event does not.
        await context.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (event) => {
            console.error(
              `Content Security Policy: ${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`,
            );
          });
        });
      };
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const context = await newContext.apply(browser, args);
        await watch(context);
        return context;
      };
      // `use` returns when the test is over, passed or failed.
      await use(violations);
      browser.newContext = newContext;
      if (violations.length > 0) {
        throw new Error(`The page broke the Content-Security-Policy:\n${violations.join('\n')}`);
      }
    },
    { auto: true },
  ],
});
