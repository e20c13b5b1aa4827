import { defineConfig, devices } from '@playwright/test';
import base from '../../playwright.config';

/**
 * The advertising specs, run by test/checks/ads.mjs against a scratch build with a
 * content/ads.yaml of its own (house promotions, then a script provider served by a fake ad
 * server on loopback): the main suite's build has no advertising at all, as a new site has.
 * ADS_BASE_URL is the server; ADS_MODE says which build it is.
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
