/**
 * The organisation's managed settings as last read on this device, kept in extension storage, so
 * a page need not wait for the browser: Chromium gives an extension its managed storage some
 * seconds after it starts (about 6 here) and now and then only after minutes. The copy is used
 * when the browser has not answered within a moment; every answer replaces it, so a changed
 * policy reaches the next page. A device that never read its policy has no copy and waits.
 * The copy is only what the organisation set (server addresses, a default profile), no plan data,
 * and is checked like a fresh read (readManagedPolicy).
 */
import type { KeyValueArea } from '../platform/key-value-area.ts';
import type { ManagedStorage } from '../platform/managed-storage.ts';

export const MANAGED_COPY_KEY = 'managed-copy';

/** How long a page waits for the browser's answer before taking the copy. */
export const MANAGED_COPY_AFTER_MS = 1000;

/** What the organisation set: the browser's answer, or the copy kept from its last one when that is slow. */
export function readManagedWithCopy(storage: ManagedStorage, area: KeyValueArea, afterMs = MANAGED_COPY_AFTER_MS): Promise<Record<string, unknown>> {
  const live = storage.read().then(async (raw) => {
    await area.set({ [MANAGED_COPY_KEY]: raw }).catch(() => {});
    return raw;
  });
  const copy = new Promise<Record<string, unknown> | null>((resolve) => setTimeout(resolve, afterMs, null)).then(async () => {
    const kept = (await area.get([MANAGED_COPY_KEY]).catch((): Record<string, unknown> => ({})))[MANAGED_COPY_KEY];
    return typeof kept === 'object' && kept !== null && !Array.isArray(kept) ? (kept as Record<string, unknown>) : null;
  });
  return Promise.race([live, copy.then((kept) => kept ?? live)]);
}
