/**
 * Asks the browser to keep this extension's storage under pressure instead of evicting it: plans
 * live only on members' machines. A refusal is normal (the browser decides) and changes nothing.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}
