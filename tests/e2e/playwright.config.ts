// The browser suite: Debian's Chromium (never a downloaded browser, never off loopback) against the
// server that `run` starts and describes in the environment.
import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

import { environment } from './lib/environment';
import { DESKTOP } from './lib/screenshots';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: join(environment.artifacts, 'results'),
  // One worker: the history scenarios drive the shared stations and read the top of the shared
  // history, which scenarios running beside them would move. Each still stands alone.
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // The limits are only how long to wait for a broken app, never something the tests measure.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: environment.appUrl,
    viewport: DESKTOP,
    // One language and time zone wherever the suite runs, so screenshots read the same.
    locale: 'en-GB',
    timezoneId: 'UTC',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    browserName: 'chromium',
    headless: true,
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
        // Every host name fails to resolve, so not even a DNS query leaves the machine; the suite
        // only ever uses 127.0.0.1 (and 127.0.0.2, another origin for the embed scenario), which
        // need no resolving.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2',
      ],
    },
  },
});
