/**
 * Extension storage for Chrome's offscreen document, which may use no extension API but runtime
 * messaging: the service worker reads and writes storage for it and tells it of changes. Only what
 * the background copies need crosses: `reads` chooses the keys it may read and hear about (the
 * plan list and the connection settings), `writes` the keys it may set (the plan list's entries,
 * which follow their documents); it removes nothing.
 */
import { browser } from 'wxt/browser';
import type { AreaChanges, KeyValueArea } from './key-value-area.ts';
import { browserManagedStorage, type ManagedStorage } from './managed-storage.ts';

const GET = 'relayed-area:get';
const SET = 'relayed-area:set';
const CHANGED = 'relayed-area:changed';
const MANAGED = 'relayed-area:managed';

type Message =
  | { type: typeof GET; keys: string[] | null }
  | { type: typeof SET; items: Record<string, unknown> }
  | { type: typeof CHANGED; changes: AreaChanges }
  | { type: typeof MANAGED };

const isMessage = (message: unknown): message is Message =>
  typeof message === 'object' && message !== null && [GET, SET, CHANGED, MANAGED].includes((message as Message).type);

export interface RelayedKeys {
  reads: (key: string) => boolean;
  writes: (key: string) => boolean;
}

const only = <T>(items: Record<string, T>, shares: (key: string) => boolean): Record<string, T> =>
  Object.fromEntries(Object.entries(items).filter(([key]) => shares(key)));

/**
 * In the service worker: answers reads and writes of the keys `keys` allows and passes their
 * changes on. A write of any other key is refused whole. It also reads the organisation's managed
 * settings for the document (its servers come before the member's own). Returns the stop function.
 */
export function relayAreaToOffscreen(area: KeyValueArea, keys: RelayedKeys, api: typeof browser = browser, managed: ManagedStorage = browserManagedStorage()): () => void {
  const shares = keys.reads;
  const onMessage = (message: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
    if (!isMessage(message)) return undefined;
    if (message.type === MANAGED) {
      managed.read().then(respond, () => respond({}));
      return true;
    }
    if (message.type === GET) {
      const wanted = Array.isArray(message.keys) ? message.keys.filter(shares) : null;
      area.get(wanted).then((items) => respond(only(items, shares)), () => respond({}));
      return true; // answers asynchronously
    }
    if (message.type === SET) {
      const items = typeof message.items === 'object' && message.items !== null ? message.items : {};
      if (!Object.keys(items).every(keys.writes)) return void respond({ ok: false, error: 'That key is not the offscreen document’s to write' });
      area.set(items).then(
        () => respond({ ok: true }),
        (error: unknown) => respond({ ok: false, error: String(error) }),
      );
      return true;
    }
    return undefined;
  };
  api.runtime.onMessage.addListener(onMessage);
  const stopChanges = area.onChanged((changes) => {
    const shared = only(changes, shares);
    if (Object.keys(shared).length === 0) return;
    // Rejects when no offscreen document (or other page) is listening: nothing to tell.
    api.runtime.sendMessage({ type: CHANGED, changes: shared } satisfies Message).catch(() => {});
  });
  return () => {
    api.runtime.onMessage.removeListener(onMessage);
    stopChanges();
  };
}

/** In the offscreen document: storage through the service worker (removing is refused). */
export function relayedArea(api: typeof browser = browser): KeyValueArea {
  return {
    async get(keys) {
      const reply: unknown = await api.runtime.sendMessage({ type: GET, keys } satisfies Message);
      return typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>) : {};
    },
    async set(items) {
      const reply = (await api.runtime.sendMessage({ type: SET, items } satisfies Message)) as { ok?: boolean; error?: string } | undefined;
      if (!reply?.ok) throw new Error(`The plan list could not be updated: ${reply?.error ?? 'no answer'}`);
    },
    remove: () => Promise.reject(new Error('The offscreen document does not remove anything from extension storage')),
    onChanged(listener) {
      const handler = (message: unknown) => {
        if (isMessage(message) && message.type === CHANGED) listener(message.changes);
      };
      api.runtime.onMessage.addListener(handler);
      return () => api.runtime.onMessage.removeListener(handler);
    },
  };
}

/** In the offscreen document: the organisation's managed settings, read by the service worker. */
export function relayedManagedStorage(api: typeof browser = browser): ManagedStorage {
  return {
    async read() {
      try {
        const reply: unknown = await api.runtime.sendMessage({ type: MANAGED } satisfies Message);
        return typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    },
  };
}
