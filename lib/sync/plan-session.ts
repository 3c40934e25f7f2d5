/**
 * An open plan: its Y.Doc, loaded from this device before anything renders, kept saved, live with
 * other pages of this browser that have it open, and, once shared, synced with colleagues.
 */
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { migratePlan, type MigrationResult } from '../plan/migrations.ts';
import { MEMBERSHIP_ORIGIN } from '../plan/membership-entries.ts';
import { persistPlan, planDatabaseName, type PlanPersistence } from './persistence.ts';
import type { StoredUpdates } from './plan-database.ts';
import { connectLocalChannel, type LocalChannel } from './local-channel.ts';
import { createAwareness } from './presence.ts';
import type { PeerSync } from './peer-sync.ts';
import type { NetworkSettings } from '../settings/network.ts';
import { createUpdateGuard, type UpdateGuard } from './guard/update-guard.ts';
import { dropPending } from './guard/pending.ts';
import type { GuardStore } from './guard/quarantine.ts';
import type { RelaySync } from './relay/relay-sync.ts';
import { keepHistory } from '../history/keep-history.ts';
import { hasFullCopyVersions, migrateFullCopyVersions } from '../history/migrate-versions.ts';
import { claimClientId, clientIdFor, epochSecretFor, loadDeviceIdentity, newClientNonce, verifySignature, type DeviceIdentity } from '../membership/index.ts';
import { legacyState } from '../membership/membership-state.ts';
import { createFrameAuth } from './frame-checks.ts';
import { trackDeviceProgress, type DeviceProgress } from './device-progress.ts';
import { followMembership, GENESIS_PIN_KEY, type SessionMembership } from './session-membership.ts';
import { sessionTransports, type EpochTarget, type Transports } from './session-transports.ts';

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
  /** This browser profile's device identity (lib/membership), loaded once per page. */
  readonly identity: DeviceIdentity;
  /** The plan's membership and this device's standing in it, kept current (session-membership.ts). */
  readonly membership: SessionMembership;
  /** Calls `listener` after every change of `membership`; returns the unsubscribe. */
  onMembership(listener: (membership: SessionMembership) => void): () => void;
  /** Colleagues' edits announced but not received yet, per device (device-progress.ts). */
  readonly progress: Pick<DeviceProgress, 'missing' | 'onChange'>;
  /** Peer sync, once the plan is shared (null before, with "Relay only", and once removed). */
  readonly peers: PeerSync | null;
  /** Sync through the relay, once the plan is shared where a relay is set (null otherwise). */
  readonly relay: RelaySync | null;
  /** The epoch whose rooms the plan syncs in (null until shared, and once removed). */
  readonly epoch: EpochTarget | null;
  /** Calls `listener` whenever `peers`, `relay` and `epoch` change (a new epoch, removal); returns the unsubscribe. */
  onTransports(listener: () => void): () => void;
  /**
   * Starts syncing with colleagues: over WebRTC (unless the settings say relay only) and through
   * the relay (when one is set), in the rooms of the plan's current epoch: the secret sealed to this
   * device in the membership log, else `secret` (the stored one, of `epoch`: a legacy plan, or
   * before the log arrived). Follows later epochs by itself; stops when this device is removed.
   */
  share(secret: string, network: NetworkSettings, onRebuilt?: () => void, epoch?: number): Promise<SharedSync>;
  close(): Promise<void>;
}

export interface SharedSync {
  peers: PeerSync | null;
  relay: RelaySync | null;
}

export interface PlanSessionOptions {
  /** This profile's device identity (default: lib/membership's, loaded once per page). */
  identity?: Promise<DeviceIdentity>;
  /** Keeps the latest epoch and its secret in the plan list entry (lib/library). */
  saveEpoch?: (epoch: number, secret: string) => Promise<void>;
  /** The plan's stored updates, read ahead while the page started (early-open.ts). */
  stored?: Promise<StoredUpdates | null>;
}

/**
 * Opens a plan stored on this device. Resolves once the stored content is in the document (so the
 * first render is never an empty plan); rejects with a SaveState error if storage cannot be opened.
 */
export async function openPlanSession(planId: string, options: PlanSessionOptions = {}): Promise<PlanSession> {
  const doc = new Y.Doc();
  // Before anything is loaded: the deleted content saved versions show is kept (keep-history.ts).
  keepHistory(doc);
  const persistence = persistPlan(doc, planId, globalThis.window, options.stored);
  // This session's clientID is bound to the device (ARCHITECTURE.md, "Members, devices and keys"):
  // a fresh nonce per session, and a spare ready in case someone writes under ours (the guard then moves us to it).
  const bound = async (identity: DeviceIdentity) => {
    const nonce = newClientNonce();
    return { nonce, clientId: await clientIdFor(identity.signingPublic, nonce) };
  };
  const opening = (options.identity ?? loadDeviceIdentity()).then(async (identity) => ({ identity, own: await bound(identity), spare: await bound(identity) }));
  let identity: DeviceIdentity;
  let own: { nonce: Uint8Array; clientId: number };
  let spare: { nonce: Uint8Array; clientId: number } | null;
  try {
    await persistence.whenLoaded;
    ({ identity, own, spare } = await opening);
    doc.clientID = own.clientId;
  } catch (error) {
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
  const guard = createUpdateGuard(doc, {
    store,
    freshClientId: (current) => {
      if (!spare || spare.clientId === current) return own.clientId === current ? Math.floor(Math.random() * 2 ** 32) : own.clientId;
      own = spare;
      spare = null;
      void bound(identity).then((next) => (spare = next));
      claimed = false;
      return own.clientId;
    },
  });
  const channel: LocalChannel = connectLocalChannel(doc, planDatabaseName(planId), guard);
  const awareness = createAwareness(doc);
  const migration = migratePlan(doc);
  const membership = followMembership(
    doc,
    identity,
    { load: () => persistence.readExtra(GENESIS_PIN_KEY), save: (hash) => persistence.writeExtra(GENESIS_PIN_KEY, hash) },
    legacyState(),
  );
  const progress = trackDeviceProgress(doc);
  const auth = createFrameAuth({
    identity,
    nonce: () => own.nonce,
    crypto: { verifySignature, clientIdFor },
    membership: () => membership.current.state,
    progress: progress.own,
  });
  let transports: Transports | null = null;
  const transportListeners = new Set<() => void>();
  let shared: Promise<SharedSync> | null = null;
  let fallback: EpochTarget | null = null;
  let closed = false;

  // The session's clientID is claimed in the log on its first edit (or once the plan has a log).
  let claimed = false;
  const claim = () => {
    if (claimed || closed || membership.current.standing.kind !== 'member' || Y.getState(doc.store, doc.clientID) === 0) return;
    if (membership.current.state.clients.get(doc.clientID) === identity.deviceId) return void (claimed = true);
    claimed = true;
    claimClientId(doc, identity, own.nonce).catch(() => (claimed = false));
  };
  const onLocalEdit = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (transaction.local && origin !== MEMBERSHIP_ORIGIN) claim();
  };
  doc.on('update', onLocalEdit);

  /** Where this device should sync now: its epoch's secret, the stored one, or nowhere (removed). */
  const wanted = async (): Promise<EpochTarget | null> => {
    const { state, standing } = membership.current;
    if (standing.kind === 'removed') return null;
    const secret = await epochSecretFor(state, identity).catch(() => null);
    return secret ? { epoch: state.epoch, secret } : fallback;
  };
  const follow = async () => {
    if (!transports || closed) return;
    const target = await wanted();
    if (!transports || closed || target?.secret === transports.target?.secret) return;
    await transports.moveTo(target);
    if (target && target !== fallback) await options.saveEpoch?.(target.epoch, target.secret).catch(() => {});
  };
  const stopFollowing = membership.onChange(() => {
    claim();
    void follow().catch((error: unknown) => console.warn('The plan could not move to its new key', error));
  });

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
    identity,
    get membership() {
      return membership.current;
    },
    onMembership: (listener) => membership.onChange(listener),
    progress,
    get peers() {
      return transports?.peers ?? null;
    },
    get relay() {
      return transports?.relay ?? null;
    },
    get epoch() {
      return transports?.target ?? null;
    },
    onTransports(listener) {
      transportListeners.add(listener);
      return () => transportListeners.delete(listener);
    },
    share(secret, network, onRebuilt, epoch = 0) {
      shared ??= (async () => {
        // The checks need the stored log read first (an established plan's frames are checked).
        await membership.ready;
        if (closed) throw new Error('The plan was closed before it could be shared');
        fallback = { epoch, secret };
        transports = sessionTransports({
          doc,
          awareness,
          guard,
          persistence,
          network,
          onRebuilt,
          signing: { auth, onMembershipChange: (listener) => membership.onChange(() => listener()), onAccepted: progress.accept },
        });
        transports.onMoved(() => transportListeners.forEach((listener) => listener()));
        const target = await wanted();
        await transports.moveTo(target);
        if (target && target !== fallback) await options.saveEpoch?.(target.epoch, target.secret).catch(() => {});
        return { peers: transports.peers, relay: transports.relay };
      })();
      shared.catch(() => {
        shared = null;
        void transports?.destroy();
        transports = null;
      });
      return shared;
    },
    async close() {
      closed = true;
      clearTimeout(versionMigration);
      stopFollowing();
      transportListeners.clear();
      doc.off('update', onLocalEdit);
      await transports?.destroy();
      membership.destroy();
      progress.destroy();
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
