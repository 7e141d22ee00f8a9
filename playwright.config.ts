import { defineConfig } from '@playwright/test';

// Report the extension service worker's requests too, so the suite's network guard
// (tests/e2e/fixtures.ts) sees every request MyoLens could make.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// The e2e suite drives the built extension (.output/chrome-mv3) in Debian's Chromium;
// `npm test` builds it first. Failure screenshots land in test-results/.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
});
