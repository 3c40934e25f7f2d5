/**
 * The browser's managed storage area (`storage.managed`), which an organisation fills through
 * enterprise policy. Read-only for the extension. With no policy set the browser rejects the read
 * (Firefox: "Managed storage manifest not found") or has no such area: both are read as no policy.
 */
import { browser } from 'wxt/browser';

export interface ManagedStorage {
  /** Everything the organisation set, or `{}` when nothing is set or it cannot be read. */
  read(): Promise<Record<string, unknown>>;
}

export function browserManagedStorage(): ManagedStorage {
  return {
    async read() {
      try {
        const managed = browser.storage?.managed;
        return managed ? ((await managed.get(null)) ?? {}) : {};
      } catch {
        return {};
      }
    },
  };
}
