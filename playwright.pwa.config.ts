import { defineConfig } from '@playwright/test';
import baseConfig from './playwright.config';

/**
 * The installed app's journeys (tests/pwa): a production build served by `vite preview` against a
 * fresh local cloud (scripts/e2e-preview.ts), since only a production build has the precaching
 * service worker; a phone's 390×844 screen. `npm run test:e2e` runs them after the dev-server
 * journeys (playwright.config.ts), in the same Chromium, on ports of their own that follow
 * HUDDLE_E2E_PORT_OFFSET too.
 */
const offset = Number(process.env.HUDDLE_E2E_PORT_OFFSET ?? 0);
const ports = { app: 5283 + offset, api: 4110 + offset, cognito: 9339 + offset };
const pwaDataDir = '.local-e2e-pwa';
// The shared journey helpers (tests/e2e/support) read the cloud's cloud.json from here; set in the
// config, which every worker loads too.
process.env.HUDDLE_E2E_DATA_DIR = pwaDataDir;

export default defineConfig({
  ...baseConfig,
  testDir: 'tests/pwa',
  // Beside the dev-server journeys' results and report, which `npm run test:e2e` has just written.
  outputDir: 'test-results/pwa',
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/pwa' }]],
  use: {
    ...baseConfig.use,
    baseURL: `http://127.0.0.1:${ports.app}`,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  },
  webServer: {
    command: 'node scripts/run.mjs scripts/e2e-preview.ts',
    url: `http://127.0.0.1:${ports.app}`,
    // The cloud's start and a production build: ~30 s on two busy cores.
    timeout: 180_000,
    // Always afresh: the journeys change the served sw.js, and a build left from another run may be stale.
    reuseExistingServer: false,
    stdout: 'pipe',
    // SIGTERM first, so the script closes the cloud and removes its data folder and build.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      HUDDLE_LOCAL_DIR: pwaDataDir,
      // And if Playwright itself is killed: its end closes the server's stdin.
      HUDDLE_STOP_WHEN_STDIN_CLOSES: 'true',
      HUDDLE_APP_PORT: String(ports.app),
      HUDDLE_API_PORT: String(ports.api),
      HUDDLE_COGNITO_PORT: String(ports.cognito),
    },
  },
});
