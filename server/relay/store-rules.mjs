// @ts-check
/**
 * What may be written, decided once for both engines, inside the write transaction (so the checks
 * and the write are atomic, even with several relay nodes on one database):
 *
 * - Authority: a room that does not exist yet is created by a write whose key hashes to its tag
 *   (keys.mjs); an existing room accepts writes only under its registered key.
 * - Append: envelope ids are idempotent per room (a retry gets the sequence numbers it got the
 *   first time, never a second copy); new envelopes take the next sequence numbers in order; a
 *   batch is all or nothing; the room's stored bytes may not pass the quota.
 * - Snapshot: a compare-and-swap on the snapshot it replaces (`baseSnapshotId`), covering no more
 *   than the head and no less than the current one; envelopes up to its sequence are folded into
 *   it in the same transaction, so the old snapshot stays until the new one is durable, and
 *   envelopes after it are never touched. Over quota, a snapshot is still accepted if it makes the
 *   room smaller.
 * - Delete and key replacement: under the registered key.
 */
import { randomBytes } from 'node:crypto';
import { ZERO_ID } from './codec.mjs';
import { roomTagOf } from './keys.mjs';

/** @import { EngineTx, RoomRow, EnvelopeRow } from './engine.mjs' */
/** @import { ErrorName, NewEnvelope, RoomState } from './codec.mjs' */

/**
 * @typedef {{ kind: 'append', tag: Buffer, key: Buffer, envelopes: NewEnvelope[] }
 *   | { kind: 'snapshot', tag: Buffer, key: Buffer, snapshotId: Buffer, baseSnapshotId: Buffer, seq: number, data: Buffer }
 *   | { kind: 'delete', tag: Buffer, key: Buffer }
 *   | { kind: 'set-key', tag: Buffer, key: Buffer, newKey: Buffer }} WriteOp
 */

/**
 * @typedef {{ ok: false, error: ErrorName, message: string }} Refused
 * @typedef {{ ok: true, kind: 'append', state: RoomState, seqs: number[], fresh: EnvelopeRow[], before: { tailCount: number, tailBytes: number } }
 *   | { ok: true, kind: 'snapshot', state: RoomState, replaced: boolean }
 *   | { ok: true, kind: 'delete', logId: Buffer | null }
 *   | { ok: true, kind: 'set-key', state: RoomState }} Applied
 * @typedef {Applied | Refused} OpResult
 */

/** @param {RoomRow} room @returns {RoomState} */
export function stateOf(room) {
  return {
    logId: room.logId,
    head: room.head,
    snapshotId: room.snapshotId ?? ZERO_ID,
    snapshotSeq: room.snapshotSeq,
    tailCount: room.tailCount,
    tailBytes: room.tailBytes,
  };
}

/**
 * Applies a group of operations in one transaction; each gets its own result, and a refused one
 * writes nothing. Rooms are locked in tag order, so two nodes never deadlock.
 * @param {EngineTx} tx
 * @param {WriteOp[]} ops
 * @param {{ roomQuotaBytes: number }} limits
 * @param {number} now
 * @returns {Promise<OpResult[]>}
 */
export async function applyOps(tx, ops, limits, now) {
  const tags = [...new Map(ops.map((op) => [op.tag.toString('hex'), op.tag])).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, tag]) => tag);
  const rooms = await tx.lockRooms(tags);
  /** @type {Set<RoomRow>} */
  const dirty = new Set();
  /** @type {OpResult[]} */
  const results = [];
  for (const op of ops) {
    const hex = op.tag.toString('hex');
    let room = rooms.get(hex) ?? null;
    if (room === null || !room.key.equals(op.key)) {
      if (room !== null) {
        results.push(refuse('not-authorised', 'this key may not write to this room'));
        continue;
      }
      if (!roomTagOf(op.key).equals(op.tag)) {
        results.push(refuse('not-authorised', 'this key does not certify this room tag'));
        continue;
      }
      if (op.kind === 'delete') {
        results.push({ ok: true, kind: 'delete', logId: null });
        continue;
      }
      if (op.kind === 'set-key') {
        results.push(refuse('unknown-room', 'the room has no log yet'));
        continue;
      }
      room = await tx.createRoom(op.tag, op.key, randomBytes(16), now);
      rooms.set(hex, room);
      if (!room.key.equals(op.key)) {
        results.push(refuse('not-authorised', 'this key may not write to this room'));
        continue;
      }
    }
    const result = await applyOne(tx, room, op, limits, now);
    if (result.ok && result.kind === 'delete') {
      rooms.delete(hex);
      dirty.delete(room);
    } else if (result.ok) {
      dirty.add(room);
    }
    results.push(result);
  }
  for (const room of dirty) await tx.saveRoom(room, now);
  return results;
}

/**
 * @param {EngineTx} tx
 * @param {RoomRow} room locked, key checked
 * @param {WriteOp} op
 * @param {{ roomQuotaBytes: number }} limits
 * @param {number} now
 * @returns {Promise<OpResult>}
 */
async function applyOne(tx, room, op, limits, now) {
  switch (op.kind) {
    case 'append': {
      const known = await tx.findEnvelopes(room.id, op.envelopes.map((e) => e.id));
      /** @type {EnvelopeRow[]} */
      const fresh = [];
      /** @type {Map<string, number>} */
      const inBatch = new Map();
      let bytes = 0;
      const seqs = op.envelopes.map((envelope) => {
        const hex = envelope.id.toString('hex');
        const seen = known.get(hex) ?? inBatch.get(hex);
        if (seen !== undefined) return seen;
        const seq = room.head + fresh.length + 1;
        inBatch.set(hex, seq);
        fresh.push({ seq, id: envelope.id, data: envelope.data });
        bytes += envelope.data.length;
        return seq;
      });
      if (fresh.length > 0 && room.tailBytes + room.snapshotBytes + bytes > limits.roomQuotaBytes) {
        return refuse('quota-exceeded', 'the room is full: upload a snapshot to compact it, then push again');
      }
      const before = { tailCount: room.tailCount, tailBytes: room.tailBytes };
      if (fresh.length > 0) {
        await tx.insertEnvelopes(room.id, fresh, now);
        room.head += fresh.length;
        room.tailCount += fresh.length;
        room.tailBytes += bytes;
      }
      return { ok: true, kind: 'append', state: stateOf(room), seqs, fresh, before };
    }
    case 'snapshot': {
      if (room.snapshotId !== null && room.snapshotId.equals(op.snapshotId) && room.snapshotSeq === op.seq) {
        return { ok: true, kind: 'snapshot', state: stateOf(room), replaced: false }; // a retry of the one stored
      }
      if (!(room.snapshotId ?? ZERO_ID).equals(op.baseSnapshotId)) {
        return refuse('snapshot-conflict', 'the room has a different snapshot than the one this replaces: catch up, merge, and try again');
      }
      if (op.seq > room.head) return refuse('snapshot-ahead', 'a snapshot cannot cover envelopes the room does not have');
      if (op.seq < room.snapshotSeq) return refuse('snapshot-conflict', 'a snapshot must cover at least what the current one covers');
      const folded = await tx.tailBetween(room.id, room.snapshotSeq, op.seq);
      const after = room.tailBytes - folded.bytes + op.data.length;
      const current = room.tailBytes + room.snapshotBytes;
      if (after > limits.roomQuotaBytes && after >= current) {
        return refuse('quota-exceeded', 'this snapshot would leave the room over its quota');
      }
      await tx.putSnapshot(room.id, { snapshotId: op.snapshotId, seq: op.seq, data: op.data }, now);
      await tx.foldUpTo(room.id, op.seq, now);
      room.snapshotId = op.snapshotId;
      room.snapshotSeq = op.seq;
      room.snapshotBytes = op.data.length;
      room.tailCount -= folded.count;
      room.tailBytes -= folded.bytes;
      return { ok: true, kind: 'snapshot', state: stateOf(room), replaced: true };
    }
    case 'delete':
      await tx.deleteRoom(room.id);
      return { ok: true, kind: 'delete', logId: room.logId };
    case 'set-key':
      room.key = op.newKey;
      return { ok: true, kind: 'set-key', state: stateOf(room) };
  }
}

/** @param {ErrorName} error @param {string} message @returns {Refused} */
function refuse(error, message) {
  return { ok: false, error, message };
}
