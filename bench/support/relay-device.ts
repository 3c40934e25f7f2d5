/**
 * A member's device for the relay benches: a Y.Doc with its update guard, synced through the real
 * relay by the extension's own client (lib/sync/relay), its outbox and cursor in memory (the
 * extension keeps them in IndexedDB), over `ws`.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createUpdateGuard } from '../../lib/sync/guard/update-guard.ts';
import type { RelayKeys } from '../../lib/sync/relay/keys.ts';
import type { RelayStore } from '../../lib/sync/relay/relay-store.ts';
import { startRelaySync, type RelaySync } from '../../lib/sync/relay/relay-sync.ts';
import { waitFor } from '../../tests/unit/server/helpers.ts';
import { benchAuth } from './bench-auth.ts';

export function memoryStore(): RelayStore {
  const values = new Map<string, unknown>();
  return {
    get: async (k) => values.get(k),
    set: async (k, v) => void values.set(k, v),
    delete: async (k) => void values.delete(k),
    keys: async (prefix) => [...values.keys()].filter((k) => k.startsWith(prefix)).sort(),
  };
}

export interface BenchDevice {
  doc: Y.Doc;
  sync: RelaySync;
  store: RelayStore;
}

/** How the bench devices reach the relay: `ws` without compression, compacting without the random wait. */
export const deviceOptions = (url: string) => ({
  url,
  socket: (u: string) => new WebSocket(u, { perMessageDeflate: false }) as never,
  compactDelayMs: () => 0,
});

export function relayDevice(url: string, keys: RelayKeys, doc = new Y.Doc(), store = memoryStore()): BenchDevice {
  const sync = startRelaySync(doc, keys, { ...deviceOptions(url), guard: createUpdateGuard(doc), store, auth: benchAuth(doc) });
  return { doc, sync, store };
}

export const isSettled = (d: BenchDevice) => d.sync.status.caughtUp && d.sync.status.waiting === 0;

export const waitSettled = (devices: BenchDevice[], timeoutMs = 120_000) =>
  waitFor(() => devices.every(isSettled), timeoutMs, 'devices to be in sync with the relay');
