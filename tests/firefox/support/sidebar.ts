/**
 * Firefox's real sidebar, reached through the browser window's own script (Marionette's chrome
 * context, allowed by `-remote-allow-system-access`; see browser-window.ts). An extension's `sidebarAction.open()` needs a user's
 * click, and BiDi's input reaches only page content, not the toolbar; the window's
 * SidebarController opens the extension's sidebar exactly as its toolbar button or the Sidebars
 * menu would. BiDi's `browsingContext.captureScreenshot` sees only tabs, so the window is
 * pictured the way Firefox's own screenshot code does it (WindowGlobalParent.drawSnapshot), which
 * composites the tab and the sidebar's out-of-process page with the browser's own interface.
 *
 * BiDi lists no browsing context for the sidebar's page, so it is read from another page of the
 * same extension (a tab): extension pages share one process, and `browser.extension.getViews`
 * hands each the others' windows.
 */
import type { BrowserWindow } from './browser-window.ts';
import type { BidiTab } from './tab.ts';

/** Firefox's id for an extension's sidebar: ExtensionCommon's makeWidgetId(id) + '-sidebar-action'. */
export const sidebarId = (geckoId: string) => `${geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;

export interface SidebarState {
  open: boolean;
  /** Which sidebar is showing. */
  currentId: string;
  /** The page loaded in the sidebar's browser. */
  url: string;
  width: number;
}

type Controller = {
  show(id: string): Promise<boolean>;
  isOpen: boolean;
  currentID: string;
  browser: { contentDocument: Document | null };
};

/** Opens the extension's sidebar in the browser window at `width` CSS pixels (its page then loads). */
export async function openSidebar(browserWindow: BrowserWindow, geckoId: string, width: number): Promise<void> {
  const shown = await browserWindow.call(async (id: string, px: number) => {
    // Browser-window globals, not page ones: this runs in browser.xhtml.
    const controller = (globalThis as unknown as { SidebarController: Controller }).SidebarController;
    document.getElementById('sidebar-box')!.style.width = `${px}px`;
    return controller.show(id);
  }, sidebarId(geckoId), width);
  if (!shown) throw new Error(`Firefox would not show the sidebar ${sidebarId(geckoId)} (is the add-on installed?)`);
}

/** Which sidebar the browser window shows, and the page loaded in it. */
export async function sidebarState(browserWindow: BrowserWindow): Promise<SidebarState> {
  return browserWindow.call(() => {
    const controller = (globalThis as unknown as { SidebarController: Controller }).SidebarController;
    // An extension's sidebar is webext-panels.xhtml holding the extension page in this browser.
    const panel = controller.browser.contentDocument?.getElementById('webext-panels-browser') as unknown as { currentURI?: { spec: string } } | null;
    const width = document.getElementById('sidebar-box')!.getBoundingClientRect().width;
    return { open: controller.isOpen, currentId: controller.currentID, url: panel?.currentURI?.spec ?? '', width };
  });
}

/** The whole browser window (interface, tab and sidebar) as PNG bytes. */
export async function snapshotWindow(browserWindow: BrowserWindow): Promise<Buffer> {
  const dataUrl = await browserWindow.call(async () => {
    const global = window as unknown as { browsingContext: { currentWindowGlobal: { drawSnapshot(rect: DOMRect | null, scale: number, background: string): Promise<ImageBitmap> } } };
    const bitmap = await global.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
    const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas') as HTMLCanvasElement;
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** What an extension page has beyond a web page's globals (Firefox's `browser` namespace). */
export type ExtensionPageGlobals = { browser: { extension: { getViews(filter: { type: 'sidebar' | 'tab' | 'popup' }): Window[] } } };

export interface SidebarPage {
  /** The page's address without its hash (the route). */
  url: string;
  heading: string;
  saved: string;
  links: string[];
  text: string;
}

/** What the sidebar's page shows, read through `tab` (an extension page); null while it has none. */
export function sidebarPage(tab: BidiTab): Promise<SidebarPage | null> {
  return tab.call(() => {
    const [view] = (globalThis as unknown as ExtensionPageGlobals).browser.extension.getViews({ type: 'sidebar' });
    if (!view) return null;
    const doc = view.document;
    return {
      url: view.location.href.replace(/#.*$/, ''),
      heading: doc.querySelector('h1')?.textContent?.trim() ?? '',
      saved: doc.querySelector('.save-status')?.textContent?.trim() ?? '',
      links: [...doc.querySelectorAll('a')].map((a) => a.textContent?.trim() ?? ''),
      text: doc.body.textContent ?? '',
    };
  });
}

/** Sends the sidebar's page to a route (`#/plan/...`), as its own links do. */
export async function routeSidebarPage(tab: BidiTab, hash: string): Promise<void> {
  await tab.call((to: string) => {
    const [view] = (globalThis as unknown as ExtensionPageGlobals).browser.extension.getViews({ type: 'sidebar' });
    if (!view) throw new Error('no sidebar page is open');
    view.location.hash = to;
  }, hash);
}
