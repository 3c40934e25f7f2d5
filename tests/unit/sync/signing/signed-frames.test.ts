/**
 * Signed frames and the checks on them (lib/sync/signed-frame.ts, frame-checks.ts), and the
 * guard issue's hostile-member attacks re-run with the attacker as an admitted member signing with
 * its own valid key: writing under another member's clientID in a live update, a removed member's
 * frames, a frame replayed into another room or epoch, a tampered frame.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness } from 'y-protocols/awareness';
import { readSignedFrame, roomContext, signFrame, verifyFrame } from '../../../../lib/sync/signed-frame.ts';
import { writtenOnlyBy } from '../../../../lib/sync/frame-checks.ts';
import { relabelRelayedUpdate } from '../../../../lib/sync/relayed-update.ts';
import { readPeerFrame, type PeerFrameContext } from '../../../../lib/sync/guard/peer-frames.ts';
import { createUpdateGuard } from '../../../../lib/sync/guard/update-guard.ts';
import { PeerRateLimit } from '../../../../lib/sync/guard/token-bucket.ts';
import { verifySignature } from '../../../../lib/membership/index.ts';
import { planRoots, readMeta } from '../../../../lib/plan/index.ts';
import { admit, foundPlan, newDevice, remove, session } from './group.ts';

const ROOM = roomContext('a'.repeat(64));
const OTHER_ROOM = roomContext('b'.repeat(64));

function liveUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Alice (chair), Bob and Mallory admitted; each with a session. The plan doc is shared by all. */
async function group() {
  const [alice, bob, mallory] = await Promise.all([newDevice(), newDevice(), newDevice()]);
  const doc = new Y.Doc();
  await foundPlan(doc, alice, [
    { identity: bob, name: 'Bob Hale', agency: 'Hollyfield Primary' },
    { identity: mallory, name: 'Mallory Stone', agency: 'Health visiting' },
  ]);
  const [a, b, m] = await Promise.all([session(alice, doc), session(bob, doc), session(mallory, doc)]);
  return { doc, alice, bob, mallory, a, b, m };
}

/** A receiver's copy of the plan with its guard, reading y-webrtc frames as guarded-webrtc.ts does. */
function receiver(doc: Y.Doc) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const unlimited = { capacity: 1e9, perSecond: 1e9 };
  const context: PeerFrameContext = {
    doc: copy,
    awareness: new Awareness(copy),
    guard: createUpdateGuard(copy),
    limits: { updates: new PeerRateLimit(unlimited, () => 0), awareness: new PeerRateLimit(unlimited, () => 0) },
    origin: 'room',
  };
  return { copy, context };
}

/** An edit of the plan written under `clientId` (on a copy of `doc`), as an update. */
function editAs(doc: Y.Doc, clientId: number, familyName: string): Uint8Array {
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
  writer.clientID = clientId;
  const before = Y.encodeStateVector(writer);
  planRoots(writer).meta.set('familyName', familyName);
  return Y.encodeStateAsUpdate(writer, before);
}

describe('signed frames', () => {
  it('verify over the room context and the header, and not once a byte changes', async () => {
    const device = await newDevice();
    const nonce = new Uint8Array(8).fill(7);
    const bytes = await signFrame(device, nonce, ROOM, Uint8Array.of(1, 2, 3));
    const frame = readSignedFrame(bytes, ROOM)!;
    expect(frame.deviceId).toBe(device.deviceId);
    expect([...frame.nonce]).toEqual([...nonce]);
    expect([...frame.payload]).toEqual([1, 2, 3]);
    expect(await verifyFrame(frame, device.signingPublic, verifySignature)).toBe(true);
    expect(await verifyFrame(readSignedFrame(bytes, OTHER_ROOM)!, device.signingPublic, verifySignature)).toBe(false);
    for (const at of [0, 5, 20, 30, bytes.length - 1]) {
      const flipped = bytes.slice();
      flipped[at]! ^= 1;
      const read = readSignedFrame(flipped, ROOM);
      expect(read === null || !(await verifyFrame(read, device.signingPublic, verifySignature))).toBe(true);
    }
    expect(readSignedFrame(bytes.subarray(0, 50), ROOM)).toBeNull();
    expect(readSignedFrame('not bytes', ROOM)).toBeNull();
  });
});

describe('frame checks in an established plan', () => {
  it('accept a member’s frame and name the clientID its session may write under', async () => {
    const { b, a } = await group();
    const checked = await a.auth.check(await b.auth.sign(ROOM, Uint8Array.of(9)), ROOM);
    expect(checked).toMatchObject({ kind: 'ok', deviceId: b.identity.deviceId, author: b.clientId });
  });

  it('refuse a live update a member wrote under another member’s clientID (the clock race of the guard issue)', async () => {
    const { doc, a, b, m } = await group();
    // Mallory, an admitted member signing with her own valid key, writes at Bob's next clocks.
    const forged = editAs(doc, b.clientId, 'Forged');
    const frame = await m.auth.sign(ROOM, liveUpdate(forged));
    const checked = await a.auth.check(frame, ROOM);
    expect(checked.kind).toBe('ok');
    if (checked.kind !== 'ok') return;
    expect(checked.author).toBe(m.clientId);
    const { copy, context } = receiver(doc);
    expect(readPeerFrame(checked.body, 'mallory', { ...context, author: checked.author })).toEqual({ kind: 'drop-peer', why: 'forged-client' });
    expect(readMeta(copy).familyName).not.toBe('Forged');
    // Bob's real edit at those clocks still arrives: no split.
    const real = editAs(doc, b.clientId, 'Real');
    const fromBob = await a.auth.check(await b.auth.sign(ROOM, liveUpdate(real)), ROOM);
    expect(fromBob.kind === 'ok' && readPeerFrame(fromBob.body, 'bob', { ...context, author: fromBob.author })).toMatchObject({ kind: 'ok' });
    expect(readMeta(copy).familyName).toBe('Real');
    // Her own edits under her own clientID are fine.
    const own = await a.auth.check(await m.auth.sign(ROOM, liveUpdate(editAs(copy, m.clientId, 'Mallory’s'))), ROOM);
    expect(own.kind === 'ok' && readPeerFrame(own.body, 'mallory', { ...context, author: own.author })).toMatchObject({ kind: 'ok' });
  });

  it('refuse a removed member’s frames, even with a valid signature', async () => {
    const { doc, alice, mallory, a, m } = await group();
    const before = await m.auth.sign(ROOM, Uint8Array.of(1));
    await remove(doc, alice, mallory);
    await a.refresh();
    expect(await a.auth.check(before, ROOM)).toEqual({ kind: 'refused', reason: 'removed' });
    expect(await a.auth.check(await m.auth.sign(ROOM, Uint8Array.of(2)), ROOM)).toEqual({ kind: 'refused', reason: 'removed' });
  });

  it('refuse a frame replayed into another room or epoch, and a tampered one', async () => {
    const { doc, a, b } = await group();
    const frame = await b.auth.sign(ROOM, liveUpdate(editAs(doc, b.clientId, 'Once')));
    expect(await a.auth.check(frame, OTHER_ROOM)).toEqual({ kind: 'refused', reason: 'bad-signature' });
    const tampered = frame.slice();
    tampered[tampered.length - 3]! ^= 0x10;
    expect(await a.auth.check(tampered, ROOM)).toEqual({ kind: 'refused', reason: 'bad-signature' });
    const resigned = frame.slice();
    resigned[1]! ^= 0x01; // another device's id in the header
    expect((await a.auth.check(resigned, ROOM)).kind).not.toBe('ok');
  });

  it('hold a frame from a device not admitted yet, and accept it once the log admits it', async () => {
    const { doc, alice, a } = await group();
    const newcomer = await newDevice();
    const n = await session(newcomer, doc);
    const frame = await n.auth.sign(ROOM, Uint8Array.of(5));
    expect(await a.auth.check(frame, ROOM)).toEqual({ kind: 'unknown-signer', deviceId: newcomer.deviceId });
    await admit(doc, alice, newcomer, 'Nia Okoro', 'Police');
    await a.refresh();
    expect(await a.auth.check(frame, ROOM)).toMatchObject({ kind: 'ok', deviceId: newcomer.deviceId });
  });

  it('in a legacy plan (no genesis): frames are signed, the signer is not checked', async () => {
    const stranger = await newDevice();
    const doc = new Y.Doc();
    const [r, s] = await Promise.all([session(await newDevice(), doc), session(stranger, doc)]);
    expect(await r.auth.check(await s.auth.sign(ROOM, Uint8Array.of(1)), ROOM)).toMatchObject({ kind: 'ok', author: null });
    expect(r.auth.acceptsUnsigned()).toBe(true);
    expect(await r.auth.check(Uint8Array.of(1, 2, 3), ROOM)).toEqual({ kind: 'refused', reason: 'malformed' });
  });
});

describe('relayed live updates', () => {
  it('go as sync step 2 when they carry others’ structs, so the receiver takes them as catch-up', async () => {
    const doc = new Y.Doc();
    doc.clientID = 1;
    const ours = editAs(doc, 1, 'Ours');
    const theirs = editAs(doc, 2, 'Theirs');
    const isOwn = (u: Uint8Array) => writtenOnlyBy(u, 1);
    expect(relabelRelayedUpdate(liveUpdate(ours), isOwn)).toEqual(liveUpdate(ours));
    const relabelled = relabelRelayedUpdate(liveUpdate(theirs), isOwn);
    expect(relabelled[1]).toBe(syncProtocol.messageYjsSyncStep2);
    expect(relabelRelayedUpdate(Uint8Array.of(1, 0), isOwn)).toEqual(Uint8Array.of(1, 0));
  });
});
