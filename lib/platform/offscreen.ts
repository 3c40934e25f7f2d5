/**
 * Chrome's one offscreen document per extension, behind an interface so the background's keeper
 * runs against a fake in tests. The document is an extension page (it has a DOM and WebRTC, which
 * the service worker lacks); Chrome keeps a WEB_RTC document open until it is closed.
 */
import { browser } from 'wxt/browser';

export interface OffscreenHost {
  /** Whether the offscreen document is open now. */
  isOpen(): Promise<boolean>;
  /** Opens it; rejects if one is already open (the caller checks first). */
  open(): Promise<void>;
  close(): Promise<void>;
}

/** The page the offscreen document loads (entrypoints/offscreen/index.html). */
export const OFFSCREEN_PATH = 'offscreen.html';

/** chrome.offscreen, found with chrome.runtime.getContexts. */
export function chromeOffscreen(api: typeof browser = browser, path = OFFSCREEN_PATH): OffscreenHost {
  const url = api.runtime.getURL(`/${path}` as '/offscreen.html');
  return {
    async isOpen() {
      const contexts = await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
      return contexts.length > 0;
    },
    open: () =>
      api.offscreen.createDocument({
        url,
        reasons: ['WEB_RTC'],
        justification: 'Keeps shared plans in step with colleagues while the side panel is closed.',
      }),
    close: () => api.offscreen.closeDocument(),
  };
}
