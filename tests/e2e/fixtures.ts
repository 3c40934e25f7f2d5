/**
 * Test fixtures: `ext` is a fresh Chromium profile with the built extension loaded; `panel` is the
 * side panel page opened in a tab (the real panel needs a user gesture to open). A test fails if
 * any page threw an uncaught error during it.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { launchExtension, type ExtensionBrowser } from './support/browser.ts';

export const test = base.extend<{ ext: ExtensionBrowser; panel: Page }>({
  ext: async ({}, use) => {
    const ext = await launchExtension();
    await use(ext);
    await ext.close().catch(() => {});
    // Whatever the journey checked, nothing it did may have thrown in a page.
    expect(ext.pageErrors, 'uncaught errors in extension pages').toEqual([]);
  },
  panel: async ({ ext }, use) => {
    await use(await ext.openPage('sidepanel.html#/'));
  },
});

export { expect };

/** Runs axe-core (WCAG 2.2 A/AA rules) on the page and expects no violations. */
export async function expectNoAxeViolations(page: Page, context = ''): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary, `axe violations ${context}`).toEqual([]);
}
