/**
 * Fakes for the background's view of the platform: shared plans in a memory area, pages' holds as
 * a set, and sessions over real Y.Docs that record sharing, saving and closing.
 */
import * as Y from 'yjs';
import type { PlanHolds } from '../../../lib/platform/plan-holds.ts';
import type { BackgroundSession } from '../../../lib/background/shared-plans.ts';
import type { PeerStatus, PeerSync } from '../../../lib/sync/peer-sync.ts';
import type { RelaySync } from '../../../lib/sync/relay/relay-sync.ts';
import { putPlanSummary } from '../../../lib/library/plan-index.ts';
import { loadNetworkSettings, type NetworkSettings } from '../../../lib/settings/network.ts';
import { memoryArea } from '../helpers/memory-area.ts';

export interface FakeSession extends BackgroundSession {
  sharedWith: { secret: string; network: NetworkSettings }[];
  flushes: number;
  closed: boolean;
  setPeers(count: number): void;
}

/** A relay for a fake session: `pullOnce` runs `pull` (which may bring edits, or throw). */
export function fakeRelay(pull: () => Promise<void>): Pick<RelaySync, 'pullOnce'> & { pulls: number[] } {
  const relay = {
    pulls: [] as number[],
    pullOnce: async (timeoutMs = 30_000) => {
      relay.pulls.push(timeoutMs);
      await pull();
    },
  };
  return relay;
}

/** A session over a real Y.Doc; with `relay`, sharing starts that relay beside the peers (as where a relay is set). */
export function fakeSession(planId: string, relay?: Pick<RelaySync, 'pullOnce'>): FakeSession {
  const doc = new Y.Doc();
  const listeners = new Set<(status: PeerStatus) => void>();
  let status: PeerStatus = { signaling: 'connected', peers: 0 };
  let peers: PeerSync | null = null;
  // The background uses only pullOnce of a relay.
  let sharedRelay: RelaySync | null = null;
  const session: FakeSession = {
    planId,
    doc,
    sharedWith: [],
    flushes: 0,
    closed: false,
    get peers() {
      return peers;
    },
    get relay() {
      return sharedRelay;
    },
    persistence: {
      flush: async () => void session.flushes++,
    },
    async share(secret, network) {
      session.sharedWith.push({ secret, network });
      sharedRelay = (relay as RelaySync | undefined) ?? null;
      if (network.relayOnly) return { peers, relay: sharedRelay };
      peers = {
        get status() {
          return status;
        },
        onStatus: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
        reconnect() {},
        destroy() {},
      };
      return { peers, relay: sharedRelay };
    },
    async close() {
      session.closed = true;
    },
    setPeers(count) {
      status = { signaling: 'connected', peers: count };
      listeners.forEach((listener) => listener(status));
    },
  };
  return session;
}

/** A device: its plan list, the plans its pages hold, and every session opened on it. */
export function fakeDevice() {
  const area = memoryArea();
  const heldIds = new Set<string>();
  const holds: PlanHolds = {
    hold: (planId) => (heldIds.add(planId), () => void heldIds.delete(planId)),
    held: async () => new Set(heldIds),
  };
  const opened: FakeSession[] = [];
  const failing = new Set<string>();
  const open = async (planId: string) => {
    if (failing.has(planId)) throw new Error('The plan could not be opened');
    const session = fakeSession(planId);
    opened.push(session);
    return session;
  };
  const addPlan = (id: string, inviteSecret?: string) =>
    putPlanSummary(area, { id, familyName: 'Testington', childNames: ['Ava'], profileId: 'national', division: 'england-and-wales', createdAt: '2026-01-05', ...(inviteSecret ? { inviteSecret } : {}) });
  const openNow = () => opened.filter((s) => !s.closed);
  return { area, holds, heldIds, open, opened, openNow, failing, addPlan, network: () => loadNetworkSettings(area) };
}

/** A colleague's edit arriving in `session`'s document. */
export function colleagueEdits(session: BackgroundSession, key = 'address', value = '12 Background Lane'): void {
  const colleague = new Y.Doc();
  colleague.getMap('meta').set(key, value);
  Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(colleague), 'peer');
}
