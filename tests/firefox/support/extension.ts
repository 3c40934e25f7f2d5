/**
 * The Firefox build under test: `<WXT_OUT_DIR or .output>/firefox-mv3`, as
 * `wxt build -b firefox --mv3` writes it (the same variable tests/e2e/support/browser.ts reads for
 * the Chrome build), and what its manifest says about it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const FIREFOX_EXTENSION_PATH = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv3');

export interface FirefoxManifest {
  manifest_version: number;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
  sidebar_action?: { default_panel?: string; default_title?: string };
  [key: string]: unknown;
}

/** The built manifest; fails with the build command when there is no build. */
export async function readFirefoxManifest(): Promise<FirefoxManifest> {
  const file = path.join(FIREFOX_EXTENSION_PATH, 'manifest.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as FirefoxManifest;
  } catch (error) {
    throw new Error(`No Firefox build at ${file}: run \`WXT_OUT_DIR=${process.env.WXT_OUT_DIR ?? '.output'} npx wxt build -b firefox --mv3\` first (${String(error)})`);
  }
}

/** The add-on id Firefox installs it under (fixed in wxt.config.ts, so its moz-extension UUID can be fixed too). */
export function geckoId(manifest: FirefoxManifest): string {
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('the Firefox manifest has no browser_specific_settings.gecko.id (set it in wxt.config.ts)');
  return id;
}
