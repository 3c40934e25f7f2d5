/**
 * An open plan: its Y.Doc, loaded from this device before anything renders, kept saved, live with
 * other pages of this browser that have it open, and, once shared, synced with colleagues.
 */
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { migratePlan, type MigrationResult } from '../plan/migrations.ts';
import { persistPlan, planDatabaseName, type PlanPersistence } from './persistence.ts';
import { connectLocalChannel, type LocalChannel } from './local-channel.ts';
import { createAwareness } from './presence.ts';
import { deriveRoomKeys } from './invite.ts';
import type { PeerSync } from './peer-sync.ts';
import { PEER_CONTACT_KEY, withPeerContact, type ContactStore } from './peer-contact.ts';
import type { NetworkSettings } from '../settings/network.ts';
import { createUpdateGuard, type UpdateGuard } from './guard/update-guard.ts';
import { dropPending } from './guard/pending.ts';
import type { GuardStore } from './guard/quarantine.ts';
import type { RelaySync } from './relay/relay-sync.ts';
import { keepHistory, loadingStoredCopy } from '../history/keep-history.ts';
import { hasFullCopyVersions, migrateFullCopyVersions } from '../history/migrate-versions.ts';

/** How long after opening a plan its full-copy versions are converted (after the first render). */
const VERSION_MIGRATION_DELAY_MS = 3000;

/** Where a plan keeps its quarantined updates and declined deletions (its database's extras). */
const GUARD_KEY = 'update-guard';

export interface PlanSession {
  readonly planId: string;
  readonly doc: Y.Doc;
  readonly persistence: PlanPersistence;
  /** Presence of the members who have this plan open (this one included). */
  readonly awareness: Awareness;
  /** What opening found: 'newer' means a newer version of the extension wrote this plan. */
  readonly migration: MigrationResult;
  /** The one way in for every update from outside this page (guard/update-guard.ts). */
  readonly guard: UpdateGuard;
  /** Peer sync, once the plan is shared (null before, and with "Relay only"). */
  readonly peers: PeerSync | null;
  /** Sync through the relay, once the plan is shared where a relay is set (null otherwise). */
  readonly relay: RelaySync | null;
  /**
   * Starts syncing with colleagues in the room the invite secret names: over WebRTC (unless the
   * settings say relay only) and through the relay (when one is set).
   */
  share(secret: string, network: NetworkSettings, onRebuilt?: () => void): Promise<SharedSync>;
  close(): Promise<void>;
}

export interface SharedSync {
  peers: PeerSync | null;
  relay: RelaySync | null;
}

/**
 * Opens a plan stored on this device. Resolves once the stored content is in the document (so the
 * first render is never an empty plan); rejects with a SaveState error if storage cannot be opened.
 */
export async function openPlanSession(planId: string): Promise<PlanSession> {
  const doc = new Y.Doc();
  // Before anything is loaded: the deleted content saved versions show is kept (keep-history.ts).
  keepHistory(doc);
  const loaded = loadingStoredCopy(doc);
  const persistence = persistPlan(doc, planId);
  try {
    await persistence.whenLoaded;
    loaded();
  } catch (error) {
    loaded();
    await persistence.destroy().catch(() => {});
    doc.destroy();
    throw error;
  }
  // A copy stored before the guard may hold pending structs (a poisoned update): they are dropped
  // from the document and from storage, so they are never synced onward or backed up.
  if (dropPending(doc)) await persistence.replaceStored().catch(() => {});
  const store: GuardStore = {
    load: () => persistence.readExtra(GUARD_KEY),
    save: (value) => persistence.writeExtra(GUARD_KEY, value),
  };
  const guard = createUpdateGuard(doc, { store });
  const channel: LocalChannel = connectLocalChannel(doc, planDatabaseName(planId), guard);
  const awareness = createAwareness(doc);
  const migration = migratePlan(doc);
  let peers: PeerSync | null = null;
  let relay: RelaySync | null = null;
  let shared: Promise<SharedSync> | null = null;
  let closed = false;
  // Versions saved as full copies (before snapshots) are converted once the plan is on screen: it
  // reads every copy, which is seconds for a large plan, and nothing on the first screen needs it.
  const canWrite = migration === 'current' || migration === 'migrated' || migration === 'empty';
  const versionMigration =
    canWrite && hasFullCopyVersions(doc)
      ? setTimeout(() => {
          if (!closed) migrateFullCopyVersions(doc);
        }, VERSION_MIGRATION_DELAY_MS)
      : undefined;
  return {
    planId,
    doc,
    persistence,
    awareness,
    migration,
    guard,
    get peers() {
      return peers;
    },
    get relay() {
      return relay;
    },
    share(secret, network, onRebuilt) {
      shared ??= (async () => {
        // y-webrtc (with the Node stream and buffer shims simple-peer brings) and the relay client
        // load only for a shared plan, and after the plan has rendered.
        const [keys, webrtc, relayKeys, relayModules] = await Promise.all([
          deriveRoomKeys(secret),
          network.relayOnly ? null : import('./peer-sync.ts'),
          network.relay ? import('./relay/keys.ts').then((m) => m.deriveRelayKeys(secret)) : null,
          network.relay ? Promise.all([import('./relay/relay-sync.ts'), import('./relay/relay-store.ts')]) : null,
        ]);
        if (closed) throw new Error('The plan was closed before it could be shared');
        if (webrtc) {
          const contact: ContactStore = { load: () => persistence.readExtra(PEER_CONTACT_KEY), save: (at) => persistence.writeExtra(PEER_CONTACT_KEY, at) };
          peers = withPeerContact(webrtc.startPeerSync(doc, keys, network, awareness, guard, onRebuilt), contact);
        }
        if (relayKeys && relayModules) {
          const [{ startRelaySync }, { planRelayStore }] = relayModules;
          relay = startRelaySync(doc, relayKeys, { url: network.relay, guard, store: planRelayStore(persistence), onWarning: (w) => console.warn(w) });
        }
        return { peers, relay };
      })();
      shared.catch(() => (shared = null));
      return shared;
    },
    async close() {
      closed = true;
      clearTimeout(versionMigration);
      peers?.destroy();
      await relay?.destroy();
      awareness.destroy();
      channel.destroy();
      await persistence.destroy();
      doc.destroy();
    },
  };
}

/**
 * Creates a plan's document on this device and runs `seed` on it (the creator's one-time content),
 * then waits until it is committed to storage.
 */
export async function createPlanSession(planId: string, seed: (doc: Y.Doc) => void): Promise<PlanSession> {
  const session = await openPlanSession(planId);
  seed(session.doc);
  await session.persistence.flush();
  return session;
}
