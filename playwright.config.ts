import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Debian's Chromium where it is installed (this workplace cannot download Playwright's build);
 * Playwright's own browser on an ordinary laptop. CHROMIUM_PATH overrides both.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const executablePath = chromiumPath();
const port = Number(process.env.E2E_PORT ?? 3100);
/**
 * The copy of the build the e2e server runs from (test/support/e2e-server.mjs makes it); a spec
 * that starts a server of its own starts it there, so nothing the run does reaches the main build.
 */
export const E2E_BUILD = path.join(import.meta.dirname, 'test', '.scratch', `e2e-${port}`);
/** The server's comments database; tests that plant rows open it directly. */
export const E2E_DB = path.join(tmpdir(), `masthead-e2e-${port}.sqlite`);
export const PREVIEW_SECRET = process.env.PREVIEW_SECRET ?? 'e2e-preview-secret';
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'e2e-admin-password';

export default defineConfig({
  testDir: 'e2e',
  // Advertising runs on builds of its own (test/checks/ads.mjs, e2e/ads/playwright.config.ts).
  // Screenshots assert nothing: they are for people to look at, with `npm run screenshots`.
  testIgnore: ['ads/**', ...(process.env.SCREENSHOTS === '1' ? [] : ['screenshots.spec.ts'])],
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // The harness's limit, not a speed check (speed is measured in bench/): command B runs this
  // suite beside the checks, the advertising run and Node 24 on two cores, where a test that
  // takes 8 s alone has taken 37. The advertising config inherits it.
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // Without these, Chromium keeps dialling Google's services, which this network refuses.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // The tests run against the production build, as readers get it: a copy of it of their own
  // (test/support/e2e-server.mjs), so the pages they regenerate never reach the main build.
  webServer: {
    // A database of its own, fresh each run, so tests never write into the site's data/.
    command: `node test/support/e2e-server.mjs ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // SIGTERM, so the server script removes its copy of the build once `next start` has ended
    // (seconds on a busy machine; if it is killed instead, the next run replaces the copy).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    // Moderation on (the default); tests give each simulated reader its own address.
    env: { ADMIN_PASSWORD, COMMENTS_DB: E2E_DB, PREVIEW_SECRET },
  },
});
