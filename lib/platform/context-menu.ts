/**
 * The browser's context menu, behind an interface so the capture handler runs against a fake in
 * tests. Two rules shape it:
 *
 * - Menu items persist across service-worker restarts, so they are created when the extension is
 *   installed or updated (creating them on every start fails as a duplicate). The click listener,
 *   by contrast, must be added again every time the worker starts, synchronously.
 * - The side panel may only be opened in direct response to a user gesture: `openPanel` must be
 *   called from the click listener before its first `await`.
 *
 * Titles are fixed words: the browser shows them on every page, so they never hold a family's or a
 * child's name (DESIGN.md "no personal data in … context-menu titles").
 */
import { browser } from 'wxt/browser';

/** What the browser tells the extension about a click on one of its menu items. */
export interface MenuClickInfo {
  menuItemId: number | string;
  /** The selected text; browsers collapse line breaks in it to spaces. */
  selectionText?: string;
  /** The address of the page (the top-level page, even when the click was in a frame). */
  pageUrl?: string;
}

/**
 * The tab the click was in. Its `title` and `url` are present only with the "tabs" permission or
 * host access to the page, which this extension does not ask for: callers must cope without.
 */
export interface MenuTab {
  id?: number;
  windowId?: number;
  title?: string;
}

export interface MenuItem {
  id: string;
  title: string;
  contexts: ['selection'] | ['page'] | ['selection', 'page'];
}

export interface ContextMenus {
  /** Creates `item` on install or update and calls `onClick` for every click on it. Call at worker start. */
  register(item: MenuItem, onClick: (info: MenuClickInfo, tab: MenuTab | undefined) => void): void;
  /** Opens the side panel (Chrome) or sidebar (Firefox). Only from a click listener, before any await. */
  openPanel(windowId: number | undefined): Promise<void>;
}

/** The slice of the browser API this wrapper uses (the real `browser` has it; tests pass a fake). */
export interface ContextMenuApi {
  contextMenus: {
    create(properties: { id: string; title: string; contexts: MenuItem['contexts'] }, callback?: () => void): unknown;
    remove(id: string): Promise<void>;
    onClicked: { addListener(listener: (info: MenuClickInfo, tab?: MenuTab) => void): void };
  };
  runtime: { onInstalled: { addListener(listener: () => void): void }; lastError?: { message?: string } | null };
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** The browser's context menu. */
export function browserContextMenus(api: ContextMenuApi = browser as unknown as ContextMenuApi): ContextMenus {
  return {
    register(item, onClick) {
      api.runtime.onInstalled.addListener(() => {
        // Remove first: after an update the item may already exist, perhaps with an older title.
        void api.contextMenus
          .remove(item.id)
          .catch(() => {})
          .then(() =>
            api.contextMenus.create({ id: item.id, title: item.title, contexts: item.contexts }, () => {
              if (api.runtime.lastError) console.error(`Could not create the menu item "${item.title}"`, api.runtime.lastError.message);
            }),
          );
      });
      api.contextMenus.onClicked.addListener((info, tab) => {
        if (info.menuItemId === item.id) onClick(info, tab);
      });
    },
    async openPanel(windowId) {
      if (api.sidePanel) {
        if (windowId === undefined) throw new Error('The side panel needs the window the click was in');
        await api.sidePanel.open({ windowId });
      } else if (api.sidebarAction) {
        await api.sidebarAction.open();
      }
    },
  };
}
