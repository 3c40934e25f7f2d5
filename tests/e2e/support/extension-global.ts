/**
 * The extension's own API as an extension page or its worker sees it (`chrome`), typed for the
 * parts journeys read inside `page.evaluate`: cast `globalThis` to it there (a type only, so the
 * evaluated function takes nothing from this module).
 */
export interface ExtensionGlobal {
  chrome: {
    storage: {
      local: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> };
      managed: { get(keys: null): Promise<unknown> };
    };
  };
}
