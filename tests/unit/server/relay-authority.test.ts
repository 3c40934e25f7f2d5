/**
 * Write authority against a real relay: knowing a room's tag, or watching its traffic, is not
 * enough to append, replace a snapshot or delete. Every refused attempt leaves the room exactly
 * as it was.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAll } from './helpers.ts';
import { deleteBody, envelope, newRoomKey, pushBody, RelayClient, signFrame, snapshotBody, ZERO16, type RoomKey } from './relay-client.ts';
import { startRelay, tempDir, type RelayServer } from './relay-helpers.ts';

const temp = tempDir('relay-authority-');
let server: RelayServer;
beforeAll(async () => {
  server = await startRelay({ RELAY_DATA_DIR: temp.dir });
});
afterAll(async () => {
  await stopAll();
  temp.cleanup();
});

/** The room as a fresh reader sees it. */
async function contents(tag: Buffer) {
  const reader = await RelayClient.open(server.relayUrl);
  const result = await reader.sync(tag);
  reader.close();
  return { state: result.end.state, entries: result.entries.map((e) => [e.seq, e.data.toString('hex')]), snapshots: result.snapshots.map((s) => s.data.toString('hex')) };
}

describe('a client with the room tag but not the write key', () => {
  let owner: RoomKey;
  let before: Awaited<ReturnType<typeof contents>>;
  let snapshotId: Buffer;

  beforeAll(async () => {
    owner = newRoomKey();
    const client = await RelayClient.open(server.relayUrl);
    await client.push(owner, [envelope('one'), envelope('two')]);
    snapshotId = randomBytes(16);
    expect(await client.snapshot(owner, snapshotId, ZERO16, 1, Buffer.from('snapshot'))).toMatchObject({ type: 'snapshot-stored' });
    client.close();
    before = await contents(owner.tag);
  });

  it('cannot append, snapshot or delete under its own key', async () => {
    const thief = newRoomKey();
    const intruder: RoomKey = { ...thief, tag: owner.tag };
    const client = await RelayClient.open(server.relayUrl);
    expect(await client.push(intruder, [envelope('forged')])).toMatchObject({ type: 'error', name: 'not-authorised' });
    expect(await client.snapshot(intruder, randomBytes(16), snapshotId, 2, Buffer.from('wipe'))).toMatchObject({ type: 'error', name: 'not-authorised' });
    expect(await client.deleteRoom(intruder)).toMatchObject({ type: 'error', name: 'not-authorised' });
    expect(await client.setKey(intruder, thief.publicKey)).toMatchObject({ type: 'error', name: 'not-authorised' });
    client.close();
    expect(await contents(owner.tag)).toEqual(before);
  });

  it("cannot present the owner's public key with a signature of its own", async () => {
    const thief = newRoomKey();
    const client = await RelayClient.open(server.relayUrl);
    const forged = (body: Buffer) => signFrame(body, client.challenge, thief.privateKey);
    const r1 = client.reqId();
    expect(await client.answer(r1, forged(pushBody(r1, owner, [envelope('forged')])))).toMatchObject({ type: 'error', name: 'bad-signature' });
    const r2 = client.reqId();
    expect(await client.answer(r2, forged(snapshotBody(r2, owner, randomBytes(16), snapshotId, 2, Buffer.from('wipe'))))).toMatchObject({ type: 'error', name: 'bad-signature' });
    const r3 = client.reqId();
    expect(await client.answer(r3, forged(deleteBody(r3, owner)))).toMatchObject({ type: 'error', name: 'bad-signature' });
    client.close();
    expect(await contents(owner.tag)).toEqual(before);
  });

  it("cannot replay the owner's signed frames on another connection, nor alter one in flight", async () => {
    const ownerConn = await RelayClient.open(server.relayUrl);
    const eavesdropper = await RelayClient.open(server.relayUrl);
    // Frames the owner signed for its own connection, captured (as if TLS were broken) but never sent.
    const push = signFrame(pushBody(7, owner, [envelope('replayed')]), ownerConn.challenge, owner.privateKey);
    const del = signFrame(deleteBody(8, owner), ownerConn.challenge, owner.privateKey);
    expect(await eavesdropper.answer(7, push)).toMatchObject({ type: 'error', name: 'bad-signature' });
    expect(await eavesdropper.answer(8, del)).toMatchObject({ type: 'error', name: 'bad-signature' });

    // On the owner's own connection, one flipped bit in the ciphertext breaks the signature.
    const tampered = Buffer.from(signFrame(pushBody(9, owner, [envelope('genuine')]), ownerConn.challenge, owner.privateKey));
    const at = 1 + 4 + 32 + 32 + 2 + 16 + 4;
    tampered[at] = tampered[at]! ^ 0x01;
    expect(await ownerConn.answer(9, tampered)).toMatchObject({ type: 'error', name: 'bad-signature' });
    ownerConn.close();
    eavesdropper.close();
    expect(await contents(owner.tag)).toEqual(before);
  });

  it('cannot squat a room before its owner: the first write must present the key that hashes to the tag', async () => {
    const future = newRoomKey();
    const squatter = newRoomKey();
    const client = await RelayClient.open(server.relayUrl);
    expect(await client.push({ ...squatter, tag: future.tag }, [envelope('first!')])).toMatchObject({ type: 'error', name: 'not-authorised' });
    expect((await contents(future.tag)).state.head).toBe(0);
    expect(await client.push(future, [envelope('mine')])).toMatchObject({ type: 'pushed', seqs: [1] });
    client.close();
  });
});
