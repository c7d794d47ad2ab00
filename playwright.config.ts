import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/chromium';
import { FIXTURE_BASE_PATH } from './tests/fixtures/fixture-site';

const port = Number(process.env.E2E_PORT ?? 3100);
const executablePath = findChromium() ?? undefined;

/**
 * Browser tests run against the processed static export in out/, served like a static host,
 * with the listings fixture site (out-listings/, built by `npm run build:listings`) on the same port
 * under its base path.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    { name: 'mobile', use: { ...devices['Pixel 7'], launchOptions: { executablePath, args: chromiumArgs } } },
  ],
  webServer: {
    command: `tsx scripts/serve.ts --port ${port} --headers --mount ${FIXTURE_BASE_PATH}=out-listings`,
    url: `http://localhost:${port}/ar/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
