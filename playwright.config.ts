import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
/** A second server whose Meilisearch the fallback test stops. */
export const FALLBACK_PORT = port + 2;
export const FALLBACK_PID_FILE = `${require('node:os').tmpdir()}/ayin-e2e-fallback-${port + 2}.pid`;

// The real server over the real build (`npm run build` runs first in `npm test`), with a real
// Meilisearch; the process is a plain node running tsx so signals reach our handlers.
const server = (serverPort: number, env: Record<string, string> = {}) => ({
  command: 'node node_modules/tsx/dist/cli.mjs tests/support/e2e-server.ts',
  url: `http://127.0.0.1:${serverPort}/api/health`,
  env: { PORT: String(serverPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
  reuseExistingServer: false,
  timeout: 90_000,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
});

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [server(port), server(FALLBACK_PORT, { E2E_PID_FILE: FALLBACK_PID_FILE })],
});
