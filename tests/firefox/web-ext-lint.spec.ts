/**
 * The Firefox build passes `web-ext lint` (what addons.mozilla.org runs on every upload): no
 * errors, no notices, and no warning but those explained in support/web-ext-lint.ts, each still
 * pointing at the library code its explanation describes. Needs the Firefox build, not Firefox.
 */
import { test, expect } from '@playwright/test';
import { FIREFOX_EXTENSION_PATH, readFirefoxManifest } from './support/extension.ts';
import { explanationFor, lint } from './support/web-ext-lint.ts';

test('web-ext lint finds no errors, no notices and no unexplained warnings in the Firefox build', async () => {
  await readFirefoxManifest(); // fails with the build command when there is no build
  const report = await lint(FIREFOX_EXTENSION_PATH);
  const where = (m: { code: string; file?: string; line?: number; column?: number; message: string }) =>
    `${m.code} ${m.file ?? ''}:${m.line ?? ''}:${m.column ?? ''} ${m.message}`;

  expect(report.errors.map(where)).toEqual([]);
  expect(report.notices.map(where)).toEqual([]);
  const unexplained = [];
  for (const warning of report.warnings) {
    const explanation = await explanationFor(FIREFOX_EXTENSION_PATH, warning);
    if (explanation) test.info().annotations.push({ type: 'explained lint warning', description: `${where(warning)}: ${explanation.why}` });
    else unexplained.push(where(warning));
  }
  expect(unexplained, 'fix each warning at its source, or explain it in support/web-ext-lint.ts').toEqual([]);
});
