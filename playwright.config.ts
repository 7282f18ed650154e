import { defineConfig } from '@playwright/test';

/**
 * Browser journeys in Debian's Chromium against the real local cloud: `npm run dev` on its own
 * ports and its own throw-away data folder, so a developer's running copy and data are untouched.
 */
// HUDDLE_E2E_PORT_OFFSET moves all three, so two checkouts can run their journeys side by side.
const offset = Number(process.env.HUDDLE_E2E_PORT_OFFSET ?? 0);
const ports = { app: 5273 + offset, api: 4100 + offset, cognito: 9329 + offset };
const e2eDataDir = '.local-e2e';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${ports.app}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `rm -rf ${e2eDataDir} && npm run dev`,
    url: `http://127.0.0.1:${ports.app}`,
    timeout: 120_000,
    // Locally a running `HUDDLE_LOCAL_DIR=.local-e2e` dev server on these ports is reused; CI always starts afresh.
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    env: {
      HUDDLE_LOCAL_DIR: e2eDataDir,
      HUDDLE_APP_PORT: String(ports.app),
      HUDDLE_API_PORT: String(ports.api),
      HUDDLE_COGNITO_PORT: String(ports.cognito),
    },
  },
});
