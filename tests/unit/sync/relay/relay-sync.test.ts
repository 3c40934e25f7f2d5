/**
 * The extension's relay client against the real relay (node server/main.mjs, SQLite in a temporary
 * directory), with each member's plan in (fake) IndexedDB: sealing, a tampered envelope, the outbox
 * across a reopen, an idempotent retry, re-seeding a relay that lost its data, and compaction.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { persistPlan, type PlanPersistence } from '../../../../lib/sync/persistence.ts';
import { createUpdateGuard } from '../../../../lib/sync/guard/update-guard.ts';
import { deriveRelayKeys, relayWriteSeed, type RelayKeys } from '../../../../lib/sync/relay/keys.ts';
import { planRelayStore, type RelayStore } from '../../../../lib/sync/relay/relay-store.ts';
import { DROPPED_WARNING, startRelaySync, type RelaySync } from '../../../../lib/sync/relay/relay-sync.ts';
import type { SocketFactory } from '../../../../lib/sync/relay/connection.ts';
import { createInviteSecret } from '../../../../lib/sync/invite.ts';
import { freePort, stopAll, waitFor } from '../../server/helpers.ts';
import { newDevice, session } from '../signing/group.ts';
import type { DeviceIdentity } from '../../../../lib/membership/index.ts';
import { startRelay, tempDir, type RelayServer } from '../../server/relay-helpers.ts';
import { RelayClient, envelope, roomKeyFromSeed } from '../../server/relay-client.ts';

const socket: SocketFactory = (url) => new WebSocket(url, { perMessageDeflate: false }) as never;
const temp = tempDir('relay-client-');
let relay: RelayServer;
let port: number;
const startOurRelay = async (extra: Record<string, string> = {}) => {
  relay = await startRelay({ RELAY_DATA_DIR: path.join(temp.dir, 'data'), PORT: String(port), RELAY_COMPACT_AFTER_ENVELOPES: '20', ...extra });
};

afterAll(async () => {
  await stopAll();
  temp.cleanup();
});

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  port = await freePort();
  rmSync(path.join(temp.dir, 'data'), { recursive: true, force: true });
  await startOurRelay();
});

interface Device {
  doc: Y.Doc;
  persistence: PlanPersistence;
  sync: RelaySync;
  warnings: string[];
  close(): Promise<void>;
}
const devices: Device[] = [];
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
  await relay.stop();
});

/** Each name is one browser profile (a reopened 'a' is the same device). */
const identities = new Map<string, Promise<DeviceIdentity>>();
const identityOf = (name: string) => {
  if (!identities.has(name)) identities.set(name, newDevice());
  return identities.get(name)!;
};

/** A member's device: its plan in IndexedDB (under `planId`), synced through the relay at `url` (a legacy plan: signed, signers not checked). */
async function device(keys: RelayKeys, planId: string, options: { url?: string; store?: (s: RelayStore) => RelayStore; live?: boolean } = {}): Promise<Device> {
  const doc = new Y.Doc();
  const persistence = persistPlan(doc, planId, undefined);
  await persistence.whenLoaded;
  const guard = createUpdateGuard(doc);
  const warnings: string[] = [];
  const base = planRelayStore(persistence);
  const { auth } = await session(await identityOf(planId), doc);
  const sync = startRelaySync(doc, keys, {
    url: options.url ?? relay.relayUrl,
    guard,
    store: options.store ? options.store(base) : base,
    socket,
    live: options.live,
    compactDelayMs: () => 0,
    onWarning: (w) => warnings.push(w),
    auth,
  });
  let closed = false;
  const d: Device = {
    doc,
    persistence,
    sync,
    warnings,
    async close() {
      if (closed) return;
      closed = true;
      await sync.destroy();
      await persistence.destroy();
      doc.destroy();
    },
  };
  devices.push(d);
  return d;
}

/** What the relay serves for the plan `secret` names, read by the spec-only test client. */
async function served(secret: string) {
  const client = await RelayClient.open(relay.relayUrl);
  try {
    return await client.sync(roomKeyFromSeed(Buffer.from(await relayWriteSeed(secret))).tag);
  } finally {
    client.close();
  }
}

const text = (d: Device) => d.doc.getText('t').toString();
const type = (d: Device, s: string) => d.doc.getText('t').insert(d.doc.getText('t').length, s);
const settled = (d: Device) => d.sync.status.caughtUp && d.sync.status.waiting === 0;

describe('relay sync', () => {
  it('carries edits between members who are never connected at the same time, sealed', async () => {
    const keys = await deriveRelayKeys(createInviteSecret());
    const a = await device(keys, 'a');
    type(a, 'Hollyfield Primary to arrange a review');
    await waitFor(() => settled(a), 10_000, 'A to send');
    expect(a.sync.status.lastSentAt).not.toBeNull();
    await a.close();

    const b = await device(keys, 'b');
    await waitFor(() => text(b) === 'Hollyfield Primary to arrange a review', 10_000, 'B to receive');
    expect(b.sync.status.received).toBe(1);
    type(b, '; health visitor agrees');
    await waitFor(() => settled(b), 10_000, 'B to send');
    await b.close();

    const a2 = await device(keys, 'a');
    await waitFor(() => text(a2) === 'Hollyfield Primary to arrange a review; health visitor agrees', 10_000, 'A to receive');
    // The relay's files hold ciphertext only.
    const dataDir = path.join(temp.dir, 'data');
    for (const file of readdirSync(dataDir)) expect(readFileSync(path.join(dataDir, file)).includes('Hollyfield')).toBe(false);
  });

  it('drops an envelope that was tampered with, warns, and leaves the plan untouched', async () => {
    const secret = createInviteSecret();
    const keys = await deriveRelayKeys(secret);
    const a = await device(keys, 'a');
    type(a, 'Dad to attend the parenting course');
    await waitFor(() => settled(a), 10_000, 'A to send');
    // Someone holding the write key (or a relay that lies) stores A's envelope with one byte flipped.
    const client = await RelayClient.open(relay.relayUrl);
    const room = roomKeyFromSeed(Buffer.from(await relayWriteSeed(secret)));
    const { entries } = await client.sync(room.tag);
    const forged = Buffer.from(entries[0]!.data);
    forged[forged.length - 5]! ^= 0x01;
    expect((await client.push(room, [envelope(forged)])).type).toBe('pushed');
    client.close();

    await waitFor(() => a.sync.status.dropped === 1, 10_000, 'A to drop the forged envelope');
    expect(a.warnings).toContain(DROPPED_WARNING);
    expect(text(a)).toBe('Dad to attend the parenting course');
    const b = await device(keys, 'b');
    await waitFor(() => b.sync.status.caughtUp, 10_000, 'B to catch up');
    expect(text(b)).toBe('Dad to attend the parenting course');
    expect(b.sync.status.dropped).toBe(1);
    expect(b.sync.status.received).toBe(1);
  });

  it('keeps edits made offline in the outbox across a reopen and pushes them when the relay is back', async () => {
    const keys = await deriveRelayKeys(createInviteSecret());
    const nowhere = `ws://127.0.0.1:${await freePort()}/relay`;
    const a = await device(keys, 'a', { url: nowhere });
    type(a, 'Mum to register with the GP');
    type(a, ' by Friday');
    await waitFor(() => a.sync.status.waiting === 2 && a.sync.status.connection !== 'online', 5_000, 'edits waiting');
    await a.close();

    const reopened = await device(keys, 'a');
    expect(reopened.sync.status.connection).not.toBe('offline');
    await waitFor(() => settled(reopened), 10_000, 'the outbox to be sent');
    const b = await device(keys, 'b');
    await waitFor(() => text(b) === 'Mum to register with the GP by Friday', 10_000, 'B to receive');
  });

  it('sends an edit whose outbox record was never written (the browser killed just after the keystroke)', async () => {
    const keys = await deriveRelayKeys(createInviteSecret());
    const a = await device(keys, 'a');
    type(a, 'Health visitor to call weekly');
    await waitFor(() => settled(a), 10_000, 'A to send');
    await a.close();

    // Offline, and the outbox write never lands: the edit is in the plan only.
    const lost = (s: RelayStore): RelayStore => ({ ...s, set: (k, v) => (k.startsWith('relay-outbox:') ? Promise.resolve() : s.set(k, v)) });
    const nowhere = `ws://127.0.0.1:${await freePort()}/relay`;
    const killed = await device(keys, 'a', { url: nowhere, store: lost });
    type(killed, '; nursery place from May');
    await waitFor(() => killed.sync.status.waiting === 1, 5_000, 'the edit to be sealed');
    await killed.close();

    const reopened = await device(keys, 'a');
    await reopened.sync.ready;
    expect(reopened.sync.status.waiting).toBe(0);
    expect(text(reopened)).toBe('Health visitor to call weekly; nursery place from May');
    await waitFor(() => reopened.sync.status.caughtUp, 10_000, 'A to catch up');
    const b = await device(keys, 'b');
    await waitFor(() => text(b) === 'Health visitor to call weekly; nursery place from May', 10_000, 'B to receive the edit');
  });

  it('applies a catch-up’s envelopes in one transaction', async () => {
    const keys = await deriveRelayKeys(createInviteSecret());
    const a = await device(keys, 'a');
    for (const word of ['Mum', ' to', ' attend', ' the', ' review.']) {
      type(a, word);
      await waitFor(() => settled(a), 10_000, 'A to send');
    }
    const b = await device(keys, 'b');
    const events: unknown[] = [];
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => events.push(origin));
    await waitFor(() => settled(b), 10_000, 'B to catch up');
    expect(text(b)).toBe('Mum to attend the review.');
    expect(b.sync.status.received).toBe(5);
    expect(events).toHaveLength(1);
  });

  it('retries an envelope whose acknowledgement was lost without storing it twice', async () => {
    const secret = createInviteSecret();
    const keys = await deriveRelayKeys(secret);
    // A browser killed after the push but before the acknowledgement was recorded: deletions fail.
    const forgetful = (s: RelayStore): RelayStore => ({ ...s, delete: async () => {} });
    const a = await device(keys, 'a', { store: forgetful });
    type(a, 'Review conference on 12 March');
    await waitFor(() => settled(a), 10_000, 'A to send');
    await a.close();

    const reopened = await device(keys, 'a');
    await reopened.sync.ready;
    expect(reopened.sync.status.waiting).toBe(1);
    await waitFor(() => settled(reopened), 10_000, 'the retry');
    const { entries, end } = await served(secret);
    expect(entries).toHaveLength(1);
    expect(end.state.head).toBe(1);
  });

  it('restores the relay’s copy from this device after the relay lost its data', async () => {
    const keys = await deriveRelayKeys(createInviteSecret());
    const a = await device(keys, 'a');
    type(a, 'Core group meets every four weeks');
    await waitFor(() => settled(a), 10_000, 'A to send');
    const b = await device(keys, 'b');
    await waitFor(() => text(b) === 'Core group meets every four weeks', 10_000, 'B to receive');
    await b.close();

    await relay.stop();
    rmSync(path.join(temp.dir, 'data'), { recursive: true, force: true });
    await startOurRelay();
    await waitFor(() => a.sync.status.restored && settled(a), 20_000, 'A to re-seed');

    const c = await device(keys, 'c');
    await waitFor(() => text(c) === 'Core group meets every four weeks', 10_000, 'a newcomer to receive the restored copy');
    expect(c.sync.status.restored).toBe(false);
  });

  it('compacts a long tail into a snapshot when in sync, and a newcomer catches up from it', async () => {
    const secret = createInviteSecret();
    const keys = await deriveRelayKeys(secret);
    const a = await device(keys, 'a');
    for (let i = 0; i < 30; i++) {
      type(a, `${i},`);
      await waitFor(() => settled(a), 10_000, 'A to send');
    }
    await waitFor(async () => (await served(secret)).snapshots.length === 1, 15_000, 'a snapshot');
    const { snapshots, entries, end } = await served(secret);
    expect(snapshots[0]!.seq).toBeGreaterThanOrEqual(20);
    expect(entries.length).toBeLessThan(30);
    expect(end.state.tailCount).toBe(entries.length);

    const c = await device(keys, 'c');
    await waitFor(() => c.sync.status.caughtUp, 10_000, 'C to catch up');
    expect(text(c)).toBe(text(a));
    // Merged, never replaced: what C had of its own survives.
    type(c, 'C');
    await waitFor(() => text(a).endsWith('C'), 10_000, 'A to receive C’s edit');
  });

  it('pulls once without a subscription (a background alarm), pushing its outbox', async () => {
    const keys = await deriveRelayKeys(createInviteSecret());
    const a = await device(keys, 'a');
    type(a, 'Social worker to visit weekly');
    await waitFor(() => settled(a), 10_000, 'A to send');
    const b = await device(keys, 'b', { live: false });
    type(b, 'School: ');
    await b.sync.pullOnce(10_000);
    expect(text(b)).toContain('Social worker to visit weekly');
    expect(b.sync.status.waiting).toBe(0);
    expect(b.sync.status.connection).toBe('offline');
    await waitFor(() => text(a).includes('School: '), 10_000, 'A to receive B’s edit live');
    // With nothing to reach, it fails with a reason rather than hanging.
    const c = await device(keys, 'c', { live: false, url: `ws://127.0.0.1:${await freePort()}/relay` });
    await expect(c.sync.pullOnce(5_000)).rejects.toThrow(/relay/);
  });

  it('sends edits made while the relay was away as one envelope', async () => {
    const secret = createInviteSecret();
    const keys = await deriveRelayKeys(secret);
    const a = await device(keys, 'a');
    type(a, 'Family group conference booked.');
    await waitFor(() => settled(a), 10_000, 'A to send');
    await relay.stop();
    await waitFor(() => a.sync.status.connection === 'offline', 5_000, 'A to notice');
    for (const word of [' Grandma', ' will', ' attend.']) type(a, word);
    await waitFor(() => a.sync.status.waiting === 3, 5_000, 'three edits waiting');
    await startOurRelay();
    await waitFor(() => settled(a), 20_000, 'A to send after the relay came back');
    const { entries } = await served(secret);
    expect(entries).toHaveLength(2);
    const b = await device(keys, 'b');
    await waitFor(() => text(b) === 'Family group conference booked. Grandma will attend.', 10_000, 'B to receive');
  });
});
