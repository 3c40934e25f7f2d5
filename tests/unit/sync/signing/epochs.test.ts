/**
 * Plan sessions (openPlanSession) of three devices over fake IndexedDB and the real relay (node
 * server/main.mjs): clientIDs bound to devices and claimed, `session.membership` following the log,
 * and a removal: the chair's rotation moves the remaining devices to the new epoch's rooms, the old
 * relay room is locked (nobody can write it), the removed device stops syncing and receives nothing
 * of the new epoch, and the two remaining converge. An admitted member writing under another's
 * clientID through the relay is refused.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clientIdFor, removeMember, type DeviceIdentity } from '../../../../lib/membership/index.ts';
import { openPlanSession, type PlanSession } from '../../../../lib/sync/plan-session.ts';
import { deriveRelayKeys, relayWriteSeed } from '../../../../lib/sync/relay/keys.ts';
import { seal } from '../../../../lib/sync/relay/seal.ts';
import { signFrame } from '../../../../lib/sync/signed-frame.ts';
import { planRoots, readMeta } from '../../../../lib/plan/index.ts';
import type { NetworkSettings } from '../../../../lib/settings/network.ts';
import { freePort, stopAll, waitFor } from '../../server/helpers.ts';
import { startRelay, tempDir, type RelayServer } from '../../server/relay-helpers.ts';
import { RelayClient, envelope, roomKeyFromSeed } from '../../server/relay-client.ts';
import { WebSocket } from 'ws';
import { admit, foundPlan, NOW, newDevice } from './group.ts';

const temp = tempDir('signed-sync-');
let relay: RelayServer;
const sessions: PlanSession[] = [];

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  relay = await startRelay({ RELAY_DATA_DIR: path.join(temp.dir, `data-${Date.now()}`), PORT: String(await freePort()) });
  // The relay client uses the browser's WebSocket; Node's is enough here.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await relay.stop();
});
afterAll(async () => {
  await stopAll();
  temp.cleanup();
});

const network = (): NetworkSettings => ({ signaling: [], iceServers: [], relay: relay.relayUrl, relayOnly: true });

async function open(localId: string, identity: DeviceIdentity, epochs: { epoch: number; secret: string }[] = []) {
  const session = await openPlanSession(localId, { identity: Promise.resolve(identity), saveEpoch: async (epoch, secret) => void epochs.push({ epoch, secret }) });
  sessions.push(session);
  return session;
}

const family = (s: PlanSession) => readMeta(s.doc).familyName;
const field = (doc: Y.Doc, key: string) => planRoots(doc).meta.get(key);
const settled = (s: PlanSession) => s.relay !== null && s.relay.status.caughtUp && s.relay.status.waiting === 0;

/** Alice founds the plan and admits Bob and Carol; all three share it through the relay. */
async function threeMembers() {
  const [alice, bob, carol] = await Promise.all([newDevice(), newDevice(), newDevice()]);
  const aliceEpochs: { epoch: number; secret: string }[] = [];
  const bobEpochs: { epoch: number; secret: string }[] = [];
  const a = await open('plan-a', alice, aliceEpochs);
  planRoots(a.doc).meta.set('familyName', 'Testington');
  const secret = await foundPlan(a.doc, alice, [
    { identity: bob, name: 'Bob Hale', agency: 'Hollyfield Primary' },
    { identity: carol, name: 'Carol Reed', agency: 'Health visiting' },
  ]);
  await waitFor(() => a.membership.standing.kind === 'member', 5_000, 'Alice to be a member');
  await a.share(secret, network());
  await waitFor(() => settled(a), 10_000, 'Alice to seed the relay');
  const b = await open('plan-b', bob, bobEpochs);
  const c = await open('plan-c', carol);
  await Promise.all([b.share(secret, network()), c.share(secret, network())]);
  await waitFor(() => family(b) === 'Testington' && family(c) === 'Testington', 10_000, 'Bob and Carol to catch up');
  await waitFor(() => b.membership.standing.kind === 'member' && c.membership.standing.kind === 'member', 5_000, 'Bob and Carol to see themselves admitted');
  return { alice, bob, carol, a, b, c, secret, aliceEpochs, bobEpochs };
}

describe('signed plan sessions', () => {
  it('bind each session’s clientID to its device and claim it on the first edit', async () => {
    const { alice, bob, a, b } = await threeMembers();
    // Alice's first edit (the family name) claimed her session's clientID: the fold checks the claim
    // with clientIdFor(her key, the claim's nonce), so the clientID is bound to her device.
    await waitFor(() => b.membership.state.clients.get(a.doc.clientID) === alice.deviceId, 10_000, 'Bob to see Alice’s claim');
    expect(b.membership.state.clients.has(b.doc.clientID)).toBe(false);
    planRoots(b.doc).meta.set('address', '4 Fictional Road');
    await waitFor(() => field(a.doc, 'address') === '4 Fictional Road', 10_000, 'Bob’s first edit to reach Alice');
    await waitFor(() => a.membership.state.clients.get(b.doc.clientID) === bob.deviceId, 10_000, 'Alice to see Bob’s claim');
  });

  it('after a removal, the removed device gets nothing of the new epoch and cannot write the old room; the others converge', async () => {
    const { alice, carol, a, b, c, secret, aliceEpochs, bobEpochs } = await threeMembers();
    const carolDevice = a.membership.state.devices.get(carol.deviceId)!;
    await removeMember(a.doc, alice, { memberId: carolDevice.memberId }, NOW, 'Moved to another school');

    await waitFor(() => a.epoch?.epoch === 1 && aliceEpochs.length > 0, 15_000, 'Alice to move to epoch 1');
    await waitFor(() => b.epoch?.epoch === 1 && bobEpochs.length > 0, 20_000, 'Bob to move to epoch 1');
    await waitFor(() => c.membership.standing.kind === 'removed', 10_000, 'Carol to learn she was removed');
    expect(c.membership.standing).toMatchObject({ kind: 'removed', at: NOW.toISOString() });
    expect(c.relay).toBeNull();
    expect(c.epoch).toBeNull();
    expect(aliceEpochs.at(-1)?.epoch).toBe(1);
    expect(bobEpochs.at(-1)?.secret).toBe(aliceEpochs.at(-1)?.secret);
    expect(aliceEpochs.at(-1)?.secret).not.toBe(secret);

    // New content: Alice and Bob converge; Carol's copy never hears of it.
    planRoots(a.doc).meta.set('address', '9 New Street');
    planRoots(b.doc).meta.set('localAuthority', 'Fictional Borough');
    await waitFor(() => field(b.doc, 'address') === '9 New Street' && field(a.doc, 'localAuthority') === 'Fictional Borough', 15_000, 'Alice and Bob to converge');
    const sameState = () => Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc)));
    await waitFor(sameState, 10_000, 'Alice and Bob to hold the same state (claims included)');
    // Carol's later edit reaches nobody.
    planRoots(c.doc).meta.set('familyName', 'Carol was here');
    await new Promise((r) => setTimeout(r, 1500));
    expect(field(c.doc, 'address')).not.toBe('9 New Street');
    expect(family(a)).toBe('Testington');
    expect(family(b)).toBe('Testington');

    // The old relay room is locked: Carol, who knows its write key, cannot write there any more.
    const oldRoom = roomKeyFromSeed(Buffer.from(await relayWriteSeed(secret)));
    const client = await RelayClient.open(relay.relayUrl);
    try {
      expect(await client.push(oldRoom, [envelope('anything')])).toMatchObject({ type: 'error', name: 'not-authorised' });
      // Nothing of the new epoch went to the room Carol can read.
      const { entries } = await client.sync(oldRoom.tag);
      const oldKeys = await deriveRelayKeys(secret);
      const { open } = await import('../../../../lib/sync/relay/seal.ts');
      const { signedBody } = await import('../../../../lib/sync/frame-checks.ts');
      const scratch = new Y.Doc();
      for (const e of entries) {
        const opened = await open(oldKeys.contentKey, oldKeys.tag, new Uint8Array(e.data));
        const update = opened && signedBody(opened.plaintext);
        if (update) Y.applyUpdate(scratch, update);
      }
      expect(field(scratch, 'address')).not.toBe('9 New Street');
      expect(planRoots(scratch).membership.length).toBe(planRoots(c.doc).membership.length);
    } finally {
      client.close();
    }
  });

  it('refuses, through the relay, a live update an admitted member signed but wrote under another member’s clientID', async () => {
    const { carol, a, b, secret } = await threeMembers();
    planRoots(b.doc).meta.set('address', 'Bob’s edit');
    await waitFor(() => field(a.doc, 'address') === 'Bob’s edit', 10_000, 'Bob’s edit to reach Alice');
    // Carol (a member, with the epoch's keys and her own valid device key) writes at Bob's next clocks.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(b.doc));
    forger.clientID = b.doc.clientID;
    const before = Y.encodeStateVector(forger);
    planRoots(forger).meta.set('familyName', 'Forged');
    const forged = Y.encodeStateAsUpdate(forger, before);
    const keys = await deriveRelayKeys(secret);
    const nonce = new Uint8Array(8).fill(3);
    expect(await clientIdFor(carol.signingPublic, nonce)).not.toBe(b.doc.clientID);
    const frame = await signFrame(carol, nonce, keys.tag, Uint8Array.of(1, forged.length > 0 ? 1 : 0, ...forged));
    const client = await RelayClient.open(relay.relayUrl);
    try {
      const room = roomKeyFromSeed(Buffer.from(await relayWriteSeed(secret)));
      expect((await client.push(room, [envelope(Buffer.from(await seal(keys.contentKey, keys.tag, 'update', frame)))])).type).toBe('pushed');
    } finally {
      client.close();
    }
    await waitFor(() => (a.relay?.status.dropped ?? 0) >= 1, 10_000, 'Alice to refuse the forged envelope');
    expect(family(a)).toBe('Testington');
    // Bob's real next edit still reaches Alice: no split.
    planRoots(b.doc).meta.set('familyName', 'Testington-Real');
    await waitFor(() => family(a) === 'Testington-Real', 10_000, 'Bob’s real edit to reach Alice');
  });
});
