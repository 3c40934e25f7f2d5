/**
 * Extension storage for Chrome's offscreen document, which may use no extension API but runtime
 * messaging: the service worker reads storage for it and tells it of changes. Only what the
 * background copies need crosses (the plan list and the connection settings, chosen by `shares`),
 * and only read access: the offscreen document never writes extension storage.
 */
import { browser } from 'wxt/browser';
import type { AreaChanges, KeyValueArea } from './key-value-area.ts';

const GET = 'relayed-area:get';
const CHANGED = 'relayed-area:changed';

type Message = { type: typeof GET; keys: string[] | null } | { type: typeof CHANGED; changes: AreaChanges };

const isMessage = (message: unknown): message is Message =>
  typeof message === 'object' && message !== null && ((message as Message).type === GET || (message as Message).type === CHANGED);

const only = <T>(items: Record<string, T>, shares: (key: string) => boolean): Record<string, T> =>
  Object.fromEntries(Object.entries(items).filter(([key]) => shares(key)));

/** In the service worker: answers reads of the keys `shares` allows and passes their changes on. Returns the stop function. */
export function relayAreaToOffscreen(area: KeyValueArea, shares: (key: string) => boolean, api: typeof browser = browser): () => void {
  const onMessage = (message: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
    if (!isMessage(message) || message.type !== GET) return undefined;
    const keys = message.keys === null ? null : message.keys.filter(shares);
    area.get(keys).then((items) => respond(only(items, shares)), () => respond({}));
    return true; // answers asynchronously
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

/** In the offscreen document: storage read through the service worker (writes are refused). */
export function relayedArea(api: typeof browser = browser): KeyValueArea {
  const readOnly = () => Promise.reject(new Error('The offscreen document does not write extension storage'));
  return {
    async get(keys) {
      const reply: unknown = await api.runtime.sendMessage({ type: GET, keys } satisfies Message);
      return typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>) : {};
    },
    set: readOnly,
    remove: readOnly,
    onChanged(listener) {
      const handler = (message: unknown) => {
        if (isMessage(message) && message.type === CHANGED) listener(message.changes);
      };
      api.runtime.onMessage.addListener(handler);
      return () => api.runtime.onMessage.removeListener(handler);
    },
  };
}
