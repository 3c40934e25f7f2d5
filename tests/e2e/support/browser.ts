/**
 * Launching Debian's Chromium with the built extension. Playwright cannot download its own browser
 * here, so we drive Debian's chromium (or CHROMIUM_PATH; scripts/system-deps.mjs) through a persistent context: extensions
 * load only in one, and a profile directory that outlives the browser lets a test restart it.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requireProgram } from '../../../scripts/system-deps.mjs';

export const EXTENSION_PATH = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
/** Fixed by the manifest `key` in wxt.config.ts. */
export const EXTENSION_ID = 'jafnfkelchlicceondmlpojppioadolc';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** Uncaught errors thrown in any page of this browser so far ("message (page url)"). */
  pageErrors: string[];
  /** Opens an extension page (e.g. 'sidepanel.html#/') in a new tab. */
  openPage(pathAndHash: string): Promise<Page>;
  close(): Promise<void>;
}

export async function newProfileDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'cgp-profile-'));
}

export async function launchExtension(profileDir?: string): Promise<ExtensionBrowser> {
  const dir = profileDir ?? (await newProfileDir());
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: requireProgram('chromium'),
    headless: false, // --headless=new below: the old headless mode cannot load extensions
    viewport: { width: 400, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--allow-loopback-in-peer-connection',
      '--lang=en-GB',
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  const pageErrors: string[] = [];
  const watch = (page: Page) =>
    page.on('pageerror', (error) => pageErrors.push(`${error.message} (${page.url()})\n${error.stack?.split('\n').slice(1, 4).join('\n') ?? ''}`));
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    extensionId,
    pageErrors,
    profileDir: dir,
    async openPage(pathAndHash) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pathAndHash}`);
      return page;
    },
    close: () => context.close(),
  };
}
