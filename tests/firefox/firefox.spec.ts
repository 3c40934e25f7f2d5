/**
 * The Firefox build, installed in Debian's firefox-esr over WebDriver BiDi, really works there:
 * the add-on installs under its gecko id, the real sidebar opens on the manifest's default_panel,
 * a plan created with real clicks and key presses is saved in Firefox's IndexedDB ("Saved on this
 * device", and still there after a reload), and the sidebar shows the same plan from the same
 * storage. Without Firefox it fails with the message that says how to install it (npm test's
 * pretest step installs it first).
 */
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FIREFOX_EXTENSION_PATH, geckoId, readFirefoxManifest } from './support/extension.ts';
import { launchFirefox } from './support/firefox.ts';
import { BidiTab } from './support/tab.ts';
import { extensionErrors } from './support/browser-console.ts';
import { openSidebar, routeSidebarPage, sidebarId, sidebarPage, sidebarState, snapshotWindow, type ExtensionPageGlobals } from './support/sidebar.ts';

/** The moz-extension:// host, fixed through the extensions.webextensions.uuids pref. */
const UUID = '5c0f3d2a-7b14-4e6f-9a8d-2f1e0c3b4a59';
const PANEL = `moz-extension://${UUID}/sidepanel.html`;
const DANGER = 'What we are worried will happen to the children if nothing changes';
const SENTENCE = 'Ava may be hurt when the adults argue.';

const SCREENS = path.resolve('.tmp/screens');

/** What a person sees at the top of a page: its heading and the plan's save state. */
const pageState = () => ({
  heading: document.querySelector('h1')?.textContent?.trim() ?? '',
  saved: document.querySelector('.save-status')?.textContent?.trim() ?? '',
});

test('firefox-esr installs the build, opens its sidebar on sidepanel.html, and saves a plan in IndexedDB', async () => {
  const manifest = await readFirefoxManifest();
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
  expect(existsSync(path.join(FIREFOX_EXTENSION_PATH, 'sidepanel.html'))).toBe(true);
  const id = geckoId(manifest);

  const firefox = await launchFirefox({ 'extensions.webextensions.uuids': JSON.stringify({ [id]: UUID }) });
  try {
    const { bidi, browserWindow } = firefox;
    const { extension } = await bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: FIREFOX_EXTENSION_PATH },
    });
    expect(extension).toBe(id);

    // The panel page in a tab, driven with real input.
    const tab = await BidiTab.first(bidi);
    await tab.goto(`${PANEL}#/`);
    await expect.poll(() => tab.call(pageState)).toMatchObject({ heading: 'Plans on this device' });
    // A first open asks who the member is; this journey skips it.
    await tab.click('button', 'Skip for now');
    await tab.click('button', 'New plan');
    await tab.click('textbox', 'Family name');
    await tab.type('Testington');
    await tab.click('textbox', 'Name');
    await tab.type('Ava');
    // The date of birth, day first through its Day, Month and Year boxes, with real key presses
    // (Tab, U+E004 in WebDriver, moves between them and leaves the date).
    await tab.call(() => {
      const group = [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.trim() === 'Date of birth');
      group?.querySelector('input')?.focus();
    });
    await tab.type('14\uE0043\uE0042019\uE004');
    await tab.click('button', 'Create plan');
    await expect.poll(() => tab.call(pageState)).toEqual({ heading: 'Testington family', saved: 'Saved on this device' });

    const planState = async () => {
      const [box] = await tab.findAll('textbox', DANGER);
      return { ...(await tab.call(pageState)), danger: box ? await tab.call((el: Element) => el.textContent, box) : null };
    };
    await tab.click('link', 'Strengthening Families');
    await tab.click('textbox', DANGER);
    await tab.type(SENTENCE);
    await expect.poll(planState).toMatchObject({ danger: SENTENCE, saved: 'Saved on this device' });

    // "Saved on this device" meant committed: a reload reads it back from IndexedDB.
    await tab.reload();
    await expect.poll(planState).toEqual({ heading: 'Testington family', danger: SENTENCE, saved: 'Saved on this device' });
    const planHash = await tab.call(() => location.hash);
    const planId = /^#\/plan\/([0-9a-f]{32})/.exec(planHash)?.[1];
    expect(await tab.call(async () => (await indexedDB.databases()).map((d) => d.name))).toContain(`plan:${planId}`);
    // The background page's deadline check ran over it, keeping what it counted in session storage
    // (lib/due/urgent-across-plans.ts), which Firefox's background page has as Chrome's worker does.
    const keptFor = () =>
      tab.call(async () => {
        const { storage } = (globalThis as unknown as { browser: { storage: { session: { get(key: string): Promise<Record<string, object | undefined>> } } } }).browser;
        return Object.keys((await storage.session.get('urgentByPlan')).urgentByPlan ?? {});
      });
    await expect.poll(keptFor).toContain(planId);

    // The real sidebar, as the toolbar button opens it, at a width members use.
    await openSidebar(browserWindow, id, 360);
    await expect.poll(() => sidebarState(browserWindow)).toEqual({ open: true, currentId: sidebarId(id), url: PANEL, width: 360 });
    await expect.poll(() => sidebarPage(tab)).toMatchObject({ url: PANEL, heading: 'Plans on this device', links: expect.arrayContaining([expect.stringMatching(/^Testington family/)]) });

    // The sidebar opens the same plan, at the same section, from the same storage.
    await routeSidebarPage(tab, planHash);
    await expect.poll(() => sidebarPage(tab)).toMatchObject({ heading: 'Testington family', saved: 'Saved on this device', text: expect.stringContaining(SENTENCE) });

    // Pictures with the typed sentence in view, in the tab and in the sidebar.
    await tab.call(async (sentence: string) => {
      const [sidebarWindow] = (globalThis as unknown as ExtensionPageGlobals).browser.extension.getViews({ type: 'sidebar' });
      for (const doc of [document, sidebarWindow!.document]) {
        const box = [...doc.querySelectorAll('[role="textbox"]')].find((b) => b.textContent?.includes(sentence));
        box?.scrollIntoView({ block: 'center' });
      }
      await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
    }, SENTENCE);
    await mkdir(SCREENS, { recursive: true });
    await writeFile(path.join(SCREENS, 'firefox-sidebar.png'), await snapshotWindow(browserWindow));
    await writeFile(path.join(SCREENS, 'firefox-tab.png'), await tab.screenshot());
    // Nothing failed on the way in any of the extension's pages, background and sidebar included.
    expect(await extensionErrors(browserWindow, UUID)).toEqual([]);
  } finally {
    await firefox.close();
  }
});
