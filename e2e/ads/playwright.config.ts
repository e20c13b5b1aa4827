import { defineConfig, devices } from '@playwright/test';
import base from '../../playwright.config';

/**
 * The advertising specs, run by test/checks/ads.mjs: house promotions on a copy of the main
 * build with a content/ads.yaml published into it, then a script provider (served by a fake ad
 * server on loopback) on a build of its own, whose policy admits that server. The main suite's
 * server has no advertising at all, as a new site has. ADS_BASE_URL is the server; ADS_MODE
 * says which of the two it is.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testIgnore: [],
  outputDir: '../../test-results/ads',
  // The script specs share one fake ad server and its request log.
  fullyParallel: false,
  workers: 1,
  use: { ...base.use, baseURL: process.env.ADS_BASE_URL },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: undefined,
});
