/**
 * "Add to plan…" in the context menu of selected text on any page. A click stores the selection as
 * a pending capture and opens the side panel, where the app asks which plan and where in it.
 *
 * The service worker keeps no state: everything the app needs goes into extension storage, so the
 * worker may be stopped the moment the handler returns.
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import type { ContextMenus, MenuClickInfo, MenuItem, MenuTab } from '../platform/context-menu.ts';
import { newId } from '../plan/records.ts';
import { putPendingCapture, type PendingCapture } from './pending-capture.ts';

/** The menu item. Its title is fixed words: the menu shows on every page, so never a name. */
export const CAPTURE_MENU: MenuItem = { id: 'add-to-plan', title: 'Add to plan…', contexts: ['selection'] };

export interface CaptureClickDeps {
  area: KeyValueArea;
  /** Opens the side panel; must be called before the handler's first await (user gesture). */
  openPanel: ContextMenus['openPanel'];
  /** The clock, ms since the epoch (tests pass a fixed one). */
  now?: () => number;
  newId?: () => string;
  onError?: (message: string, error: unknown) => void;
}

/**
 * Handles a click on the menu item: opens the panel and stores the capture. Clicks on other items
 * and clicks without selected text store nothing. Resolves once the capture is stored; a panel
 * that cannot open (no window, or a browser that refuses) is reported, and the capture still waits
 * in storage for the next time the member opens the panel.
 */
export async function handleCaptureClick(info: MenuClickInfo, tab: MenuTab | undefined, deps: CaptureClickDeps): Promise<void> {
  if (info.menuItemId !== CAPTURE_MENU.id) return;
  const text = (info.selectionText ?? '').trim();
  if (text === '') return;
  const onError = deps.onError ?? ((message, error) => console.error(message, error));
  // Synchronously, before any await: the browser only lets a user gesture open the panel.
  const opening = deps.openPanel(tab?.windowId).catch((error: unknown) => onError('Could not open the side panel', error));
  const capture: PendingCapture = {
    id: (deps.newId ?? newId)(),
    text,
    pageUrl: info.pageUrl ?? '',
    pageTitle: (tab?.title ?? '').trim(),
    capturedAt: (deps.now ?? Date.now)(),
  };
  await putPendingCapture(deps.area, capture);
  await opening;
}

/** Adds the menu item and its click handler. Call once each time the service worker starts. */
export function registerCaptureMenu(deps: { area: KeyValueArea; menus: ContextMenus }): void {
  deps.menus.register(CAPTURE_MENU, (info, tab) => {
    void handleCaptureClick(info, tab, { area: deps.area, openPanel: deps.menus.openPanel }).catch((error: unknown) =>
      console.error('The selected text could not be kept for adding to a plan', error),
    );
  });
}
