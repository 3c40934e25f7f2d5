/**
 * The extension's own pages: the full-width tab (plan.html) at a route, opened in a new tab or as
 * a link to send (an invite). Behind an interface so components never call `browser.*`.
 */
import { browser } from 'wxt/browser';

export interface ExtensionPages {
  /** The address of the full-width page at `hash` ('' for none): `chrome-extension://…/plan.html#/…`. */
  url(hash: string): string;
  /** Opens the full-width page at `hash` in a new tab. */
  open(hash: string): Promise<void>;
}

/** This extension's pages, through `browser.runtime` and `browser.tabs`. */
export function browserPages(api: typeof browser = browser): ExtensionPages {
  const url = (hash: string) => api.runtime.getURL(`/plan.html${hash}`);
  return {
    url,
    async open(hash) {
      await api.tabs.create({ url: url(hash) });
    },
  };
}
