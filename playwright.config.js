// End-to-end tests in Debian's headless Chromium (never a downloaded one),
// against the demo server on 127.0.0.1.
import { defineConfig } from '@playwright/test';

// One port per test run, chosen once in the runner and inherited by its
// workers through the environment, so two runs on one machine never collide.
process.env.SPECTOR_E2E_PORT ??= String(20000 + Math.floor(Math.random() * 20000));
const port = Number(process.env.SPECTOR_E2E_PORT);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30000,
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node tools/serve.mjs --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
