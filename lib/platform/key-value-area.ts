/**
 * The small slice of `browser.storage.local` this extension uses, behind an interface so unit tests
 * pass an in-memory fake and the service worker, panel and tab share one implementation.
 */
import { browser } from 'wxt/browser';

export type AreaChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export interface KeyValueArea {
  /** The stored values of `keys`, or of every key when `keys` is null. Missing keys are absent. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Calls `listener` after any page or the background changes a key; returns the unsubscribe. */
  onChanged(listener: (changes: AreaChanges) => void): () => void;
}

/** The extension's local storage area (kept on this machine, never synced by the browser). */
export function browserLocalArea(): KeyValueArea {
  return browserArea('local');
}

/**
 * The extension's session storage area: in memory, gone when the browser closes (or the extension
 * is updated), readable by the extension's own pages and background only. For what is kept only to
 * save work (lib/due/urgent-across-plans.ts).
 */
export function browserSessionArea(): KeyValueArea {
  return browserArea('session');
}

function browserArea(name: 'local' | 'session'): KeyValueArea {
  const storage = browser.storage[name];
  return {
    get: (keys) => storage.get(keys),
    set: (items) => storage.set(items),
    remove: (keys) => storage.remove(keys),
    onChanged(listener) {
      const handler = (changes: AreaChanges, area: string) => {
        if (area === name) listener(changes);
      };
      browser.storage.onChanged.addListener(handler);
      return () => browser.storage.onChanged.removeListener(handler);
    },
  };
}
