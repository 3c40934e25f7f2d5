import { defineConfig } from '@playwright/test';

/**
 * The Firefox build checked as Firefox sees it (tests/firefox): `web-ext lint`, and the extension
 * installed in Debian's firefox-esr over WebDriver BiDi with its sidebar opened. One worker: each
 * test starts a whole Firefox, and the machine is shared. Build first with
 * `wxt build -b firefox --mv3` (same WXT_OUT_DIR).
 */
export default defineConfig({
  testDir: 'tests/firefox',
  testMatch: '**/*.spec.ts',
  // Firefox's first start in a fresh profile is slow on a busy two-core machine; tests wait for
  // states, and this only bounds a hang.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: process.env.WXT_OUT_DIR ? `test-results-firefox-${process.env.WXT_OUT_DIR.replace(/\W/g, '')}` : 'test-results-firefox',
});
