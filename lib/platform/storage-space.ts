/**
 * Whether this device has run out of space for the extension's storage, by the browser's own
 * estimate: Chromium counts the disk's free space into an origin's quota, so on a full disk the
 * estimate's quota falls to what is already used. Used to name a database the browser closed
 * under a page (it does that on a full disk, sometimes before the write that found it full
 * reports why). Unknown (no StorageManager, or it fails) is false.
 */

/** Less free than this is no room to save a plan's next edits. */
export const NO_ROOM_BYTES = 1024 * 1024;

export async function outOfSpace(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.estimate) return false;
  try {
    const { quota, usage } = await storage.estimate();
    return quota !== undefined && usage !== undefined && quota - usage < NO_ROOM_BYTES;
  } catch {
    return false;
  }
}
