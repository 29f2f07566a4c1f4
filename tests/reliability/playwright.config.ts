import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The browser scenario of `npm run test:reliability` (Meilisearch killed while a reader
// searches), apart from the normal e2e suite: its server's Meilisearch is killed and restarted.
const port = Number(process.env.E2E_PORT ?? 3400) + 1;
export const SEARCH_FAULT_ORIGIN = `http://127.0.0.1:${port}`;
export const SEARCH_FAULT_STATE_FILE = `${tmpdir()}/ayin-reliability-search-${port}.state`;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 120_000,
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: SEARCH_FAULT_ORIGIN,
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs tests/reliability/support/search-server.ts',
    url: `${SEARCH_FAULT_ORIGIN}/api/health`,
    env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', STATE_FILE: SEARCH_FAULT_STATE_FILE },
    cwd: path.resolve(__dirname, '../..'),
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
