// @ts-check
/**
 * The storage engine interface: the small set of primitives the relay needs from a database.
 * Two engines implement it, sqlite-engine.mjs (embedded default) and postgres-engine.mjs (scale-out);
 * the rules about what may be written (store-rules.mjs) are written once, on top of it, and one
 * contract suite (tests/unit/server/relay-store-contract.ts) runs against both.
 *
 * Rows use Buffers for every binary column and numbers for every integer (all below 2^53).
 */

/**
 * A room's row: its log identity, registered write key, head and what it stores.
 * @typedef {object} RoomRow
 * @property {number} id engine-internal key
 * @property {Buffer} tag 32 bytes
 * @property {Buffer} logId 16 random bytes, new each time the room is created
 * @property {Buffer} key the registered Ed25519 public key (32 bytes)
 * @property {number} head the highest sequence number assigned (0: none yet)
 * @property {number} tailCount envelopes after the snapshot
 * @property {number} tailBytes their ciphertext bytes
 * @property {Buffer | null} snapshotId null when the room has no snapshot
 * @property {number} snapshotSeq the sequence the snapshot covers (0 without one)
 * @property {number} snapshotBytes
 */

/**
 * @typedef {{ seq: number, id: Buffer, data: Buffer }} EnvelopeRow
 * @typedef {{ snapshotId: Buffer, seq: number, data: Buffer }} SnapshotRow
 */

/**
 * What one read of a room returns, read consistently (one read transaction):
 * the room (null if none); its snapshot when `after` is below the snapshot's sequence (the reader
 * needs it), else null; then up to the limits of envelopes after max(after, snapshot sequence).
 * @typedef {{ room: RoomRow | null, snapshot: SnapshotRow | null, envelopes: EnvelopeRow[] }} Page
 */

/**
 * Write primitives, valid only inside `transaction`.
 * @typedef {object} EngineTx
 * @property {(tags: Buffer[]) => Promise<Map<string, RoomRow>>} lockRooms the existing rooms among `tags` (keyed by hex tag), locked against other writers until the transaction ends
 * @property {(tag: Buffer, key: Buffer, logId: Buffer, now: number) => Promise<RoomRow>} createRoom creates the room, or (another node won the race) returns the existing one, locked
 * @property {(roomId: number, ids: Buffer[]) => Promise<Map<string, number>>} findEnvelopes sequence of each of `ids` already stored (hex id → seq), folded ones included
 * @property {(roomId: number, rows: EnvelopeRow[], now: number) => Promise<void>} insertEnvelopes
 * @property {(roomId: number, afterSeq: number, uptoSeq: number) => Promise<{ count: number, bytes: number }>} tailBetween envelopes with afterSeq < seq ≤ uptoSeq that still hold data
 * @property {(roomId: number, uptoSeq: number, now: number) => Promise<void>} foldUpTo drops the data of envelopes with seq ≤ uptoSeq, keeping their ids for a while (retries are recognised)
 * @property {(roomId: number, snapshot: SnapshotRow, now: number) => Promise<void>} putSnapshot replaces the room's snapshot
 * @property {(room: RoomRow, now: number) => Promise<void>} saveRoom writes back head, tail, snapshot fields and key
 * @property {(roomId: number) => Promise<void>} deleteRoom the room, its envelopes and snapshot
 */

/**
 * @typedef {object} RelayEngine
 * @property {'sqlite' | 'postgres'} name
 * @property {<T>(fn: (tx: EngineTx) => Promise<T>) => Promise<T>} transaction runs `fn` in one transaction, durable before it resolves; rolled back if `fn` throws. Overlapping calls only where `concurrentTransactions` > 1.
 * @property {number} concurrentTransactions how many transactions may run at once (1 for SQLite)
 * @property {(tag: Buffer, after: number, maxCount: number, maxBytes: number) => Promise<Page>} readPage committed data only; at least one envelope when any follows, even past maxBytes
 * @property {(foldedBefore: number) => Promise<number>} sweepFolded forgets the ids of envelopes folded before that time; returns how many
 * @property {() => Promise<number>} renewLogIds gives every room a new log id (after restoring a backup); returns how many
 * @property {() => Promise<{ rooms: number, envelopes: number, bytes: number }>} stats
 * @property {() => Promise<void>} ping throws when the database cannot be reached
 * @property {() => Promise<void>} close
 */

/**
 * A room row as both engines' drivers return it (snake_case columns; integers as numbers or bigints).
 * @param {any} row
 * @returns {RoomRow}
 */
export function roomFromRow(row) {
  return {
    id: Number(row.id),
    tag: row.tag,
    logId: row.log_id,
    key: row.write_key,
    head: Number(row.head),
    tailCount: Number(row.tail_count),
    tailBytes: Number(row.tail_bytes),
    snapshotId: row.snapshot_id ?? null,
    snapshotSeq: Number(row.snapshot_seq),
    snapshotBytes: Number(row.snapshot_bytes),
  };
}
