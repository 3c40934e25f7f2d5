/**
 * Page objects: capturing selected text from a case-system page ("Add to plan…"), and the plan's
 * History section. Also a tiny local web server standing in for a case system.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { expect, type Page, type Worker } from '@playwright/test';

/** A fake case-system record about a fictional family, served on 127.0.0.1. */
export async function startCaseSystem(title: string, paragraphs: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1>${paragraphs.map((p, i) => `<p id="p${i}">${p}</p>`).join('')}</body></html>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/case/4471`, close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }) };
}

/** The parts of the service worker's `chrome` the capture click uses. */
interface WorkerChrome {
  tabs: { query(q: object): Promise<{ id: number; windowId: number; index: number }[]> };
  contextMenus: {
    update(id: string, properties: object): Promise<void>;
    onClicked: { hasListeners(): boolean; dispatch(info: unknown, tab: unknown): void };
  };
}

export class CapturePage {
  constructor(readonly panel: Page) {}

  /** Selects a paragraph of the case page, as a member would by dragging over it. */
  static async selectParagraph(casePage: Page, index: number): Promise<string> {
    return casePage.evaluate((i) => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(`p${i}`)!);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }, index);
  }

  /**
   * Fails unless the extension created its "Add to plan…" item when it was installed. The menu API
   * has no getter; updating an item that does not exist is refused ("Cannot find menu item").
   */
  static async expectMenuItem(worker: Worker): Promise<void> {
    await worker.evaluate(() => (globalThis as unknown as { chrome: WorkerChrome }).chrome.contextMenus.update('add-to-plan', {}));
  }

  /**
   * Clicks "Add to plan…" on the selection, as the browser does: Playwright cannot open the native
   * context menu, so the test dispatches the menu's click event in the service worker with what
   * Chrome sends (the selected text and the page's address; the tab without its title, which
   * Chrome withholds from extensions without the "tabs" permission). Every listener the
   * extension registered runs, exactly as on a real click.
   */
  static async clickAddToPlan(worker: Worker, casePage: Page, selectionText: string): Promise<void> {
    const pageUrl = casePage.url();
    await worker.evaluate(
      async ({ selectionText, pageUrl }) => {
        // The worker's own `chrome`, typed by hand: the test runs in Node, which has no such global.
        const chrome = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
        const [tab] = await chrome.tabs.query({});
        const clicked = chrome.contextMenus.onClicked;
        if (!clicked.hasListeners()) throw new Error('no context-menu listener is registered');
        clicked.dispatch(
          { menuItemId: 'add-to-plan', editable: false, frameId: 0, pageUrl, selectionText },
          { id: tab!.id, windowId: tab!.windowId, index: tab!.index, active: true },
        );
      },
      { selectionText, pageUrl },
    );
  }

  get view() {
    return this.panel.getByRole('region', { name: 'Add to plan' });
  }

  async expectCapture(text: string): Promise<void> {
    await expect(this.view).toBeVisible({ timeout: 20_000 });
    await expect(this.view.getByLabel('Text to add')).toHaveValue(text);
  }

  async chooseDestination(label: string): Promise<void> {
    const select = this.view.getByLabel('Where in the plan');
    await expect(select).toBeEnabled({ timeout: 20_000 });
    await select.selectOption({ label });
  }

  async add(): Promise<void> {
    await this.view.getByRole('button', { name: 'Add to plan' }).click();
  }
}

export class HistoryPage {
  constructor(readonly page: Page) {}

  get section() {
    return this.page.getByRole('region', { name: 'History' });
  }

  async saveVersion(name: string): Promise<void> {
    await this.section.getByLabel('Name of the version').fill(name);
    await this.section.getByRole('button', { name: 'Save a version' }).click();
  }

  async compareWithNow(name: string): Promise<void> {
    await this.section.getByRole('button', { name: `Compare ${name} with now` }).click();
    await expect(this.comparison).toBeVisible();
  }

  async view(name: string): Promise<void> {
    await this.section.getByRole('button', { name: `View ${name}` }).click();
    await expect(this.versionView).toBeVisible();
  }

  get comparison() {
    return this.page.getByRole('region', { name: /^Changes from/ });
  }

  get versionView() {
    return this.page.getByRole('region', { name: /^The plan at/ });
  }
}

/**
 * A full-page screenshot. The scrollbar is hidden first: a full-page capture lays the page out
 * without one, yet keeps the narrower width measured with it, cutting off the right edge.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
  await page.screenshot({ path: `.tmp/screens/${name}.png`, fullPage: true });
}

/** Fails if the page scrolls sideways (WCAG 1.4.10 reflow at the side panel's width). */
export async function expectNoSidewaysScroll(page: Page, context: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `sideways scroll: ${context}`).toBeLessThanOrEqual(widths.client);
}

/** Fails if the page scrolls sideways at 320 px, the narrowest side panel (then back to 400 px). */
export async function expectReflowAt320(page: Page, context: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 900 });
  try {
    await expectNoSidewaysScroll(page, `${context}, at 320 px`);
  } finally {
    await page.setViewportSize({ width: 400, height: 900 });
  }
}
