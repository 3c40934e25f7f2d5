/**
 * The toolbar button opens the plan beside the current page: Chrome's side panel opens itself on
 * a click (openPanelOnActionClick); Firefox's sidebar is toggled from the click.
 */
import { browser } from 'wxt/browser';

export function registerPanelBehaviour(api: typeof browser = browser): void {
  const chromeApi = api as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } };
  if (chromeApi.sidePanel) {
    chromeApi.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.error('Could not set the side panel to open from the toolbar button', error);
    });
    return;
  }
  const firefoxApi = api as unknown as { sidebarAction?: { toggle(): Promise<void> } };
  api.action?.onClicked.addListener(() => void firefoxApi.sidebarAction?.toggle());
}
