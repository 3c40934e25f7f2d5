import { defineConfig } from '@playwright/test';

/** E2E journeys in a real Chromium with the built extension (see tests/e2e/fixtures.ts). */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'off' },
  // Beside each build (WXT_OUT_DIR), so parallel runs never clean each other's artefacts.
  outputDir: process.env.WXT_OUT_DIR ? `test-results-${process.env.WXT_OUT_DIR.replace(/\W/g, '')}` : 'test-results',
});
