// @ts-check
/**
 * The embedded engine: one SQLite file through better-sqlite3 (12.x), in WAL mode with
 * synchronous=FULL, so a commit is on disk (the WAL fsynced) before the relay acknowledges it.
 * Writes use one connection; reads use a second, which sees only committed data and is never
 * blocked by a write in progress (WAL readers do not wait for the writer).
 *
 * better-sqlite3 is synchronous: a transaction blocks the event loop while it runs, which is why
 * the store groups many writes into each one (store.mjs).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

import { roomFromRow } from './engine.mjs';

/** @import { RelayEngine, EngineTx, RoomRow } from './engine.mjs' */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rooms (
  id INTEGER PRIMARY KEY,
  tag BLOB NOT NULL UNIQUE,
  log_id BLOB NOT NULL,
  write_key BLOB NOT NULL,
  head INTEGER NOT NULL DEFAULT 0,
  tail_count INTEGER NOT NULL DEFAULT 0,
  tail_bytes INTEGER NOT NULL DEFAULT 0,
  snapshot_id BLOB,
  snapshot_seq INTEGER NOT NULL DEFAULT 0,
  snapshot_bytes INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS envelopes (
  room_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  envelope_id BLOB NOT NULL,
  data BLOB,
  created_at INTEGER NOT NULL,
  folded_at INTEGER,
  PRIMARY KEY (room_id, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS envelopes_by_id ON envelopes (room_id, envelope_id);
CREATE INDEX IF NOT EXISTS envelopes_folded ON envelopes (folded_at) WHERE folded_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS snapshots (
  room_id INTEGER PRIMARY KEY,
  snapshot_id BLOB NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
`;

/**
 * Opens (creating if needed) `<dataDir>/relay.sqlite`.
 * @param {{ dataDir: string }} options
 * @returns {RelayEngine}
 */
export function openSqliteEngine({ dataDir }) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'relay.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const reader = new Database(file, { readonly: true });
  reader.pragma('busy_timeout = 5000');

  const w = {
    room: db.prepare('SELECT * FROM rooms WHERE tag = ?'),
    createRoom: db.prepare('INSERT INTO rooms (tag, log_id, write_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    findEnvelope: db.prepare('SELECT seq FROM envelopes WHERE room_id = ? AND envelope_id = ?').pluck(),
    insertEnvelope: db.prepare('INSERT INTO envelopes (room_id, seq, envelope_id, data, created_at) VALUES (?, ?, ?, ?, ?)'),
    tailBetween: db.prepare('SELECT count(*) AS count, coalesce(sum(length(data)), 0) AS bytes FROM envelopes WHERE room_id = ? AND seq > ? AND seq <= ? AND data IS NOT NULL'),
    fold: db.prepare('UPDATE envelopes SET data = NULL, folded_at = ? WHERE room_id = ? AND seq <= ? AND data IS NOT NULL'),
    putSnapshot: db.prepare('INSERT INTO snapshots (room_id, snapshot_id, seq, data, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (room_id) DO UPDATE SET snapshot_id = excluded.snapshot_id, seq = excluded.seq, data = excluded.data, created_at = excluded.created_at'),
    saveRoom: db.prepare('UPDATE rooms SET write_key = ?, head = ?, tail_count = ?, tail_bytes = ?, snapshot_id = ?, snapshot_seq = ?, snapshot_bytes = ?, updated_at = ? WHERE id = ?'),
    deleteEnvelopes: db.prepare('DELETE FROM envelopes WHERE room_id = ?'),
    deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE room_id = ?'),
    deleteRoom: db.prepare('DELETE FROM rooms WHERE id = ?'),
    sweep: db.prepare('DELETE FROM envelopes WHERE folded_at IS NOT NULL AND folded_at < ?'),
    allRooms: db.prepare('SELECT id FROM rooms').pluck(),
    renew: db.prepare('UPDATE rooms SET log_id = ? WHERE id = ?'),
  };
  const r = {
    room: reader.prepare('SELECT * FROM rooms WHERE tag = ?'),
    snapshot: reader.prepare('SELECT snapshot_id, seq, data FROM snapshots WHERE room_id = ?'),
    envelopes: reader.prepare('SELECT seq, envelope_id, data FROM envelopes WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    stats: reader.prepare('SELECT (SELECT count(*) FROM rooms) AS rooms, (SELECT count(*) FROM envelopes WHERE data IS NOT NULL) AS envelopes, (SELECT coalesce(sum(tail_bytes + snapshot_bytes), 0) FROM rooms) AS bytes'),
  };
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const readBegin = reader.prepare('BEGIN');
  const readEnd = reader.prepare('COMMIT');

  /** @type {EngineTx} */
  const tx = {
    async lockRooms(tags) {
      /** @type {Map<string, RoomRow>} */
      const rooms = new Map();
      for (const tag of tags) {
        const row = w.room.get(tag);
        if (row) rooms.set(tag.toString('hex'), roomFromRow(row));
      }
      return rooms;
    },
    async createRoom(tag, key, logId, now) {
      w.createRoom.run(tag, logId, key, now, now);
      return roomFromRow(w.room.get(tag));
    },
    async findEnvelopes(roomId, ids) {
      /** @type {Map<string, number>} */
      const found = new Map();
      for (const id of ids) {
        const seq = w.findEnvelope.get(roomId, id);
        if (seq !== undefined) found.set(id.toString('hex'), Number(seq));
      }
      return found;
    },
    async insertEnvelopes(roomId, rows, now) {
      for (const row of rows) w.insertEnvelope.run(roomId, row.seq, row.id, row.data, now);
    },
    async tailBetween(roomId, afterSeq, uptoSeq) {
      const row = /** @type {{ count: number, bytes: number }} */ (w.tailBetween.get(roomId, afterSeq, uptoSeq));
      return { count: Number(row.count), bytes: Number(row.bytes) };
    },
    async foldUpTo(roomId, uptoSeq, now) {
      w.fold.run(now, roomId, uptoSeq);
    },
    async putSnapshot(roomId, snapshot, now) {
      w.putSnapshot.run(roomId, snapshot.snapshotId, snapshot.seq, snapshot.data, now);
    },
    async saveRoom(room, now) {
      w.saveRoom.run(room.key, room.head, room.tailCount, room.tailBytes, room.snapshotId, room.snapshotSeq, room.snapshotBytes, now, room.id);
    },
    async deleteRoom(roomId) {
      w.deleteEnvelopes.run(roomId);
      w.deleteSnapshot.run(roomId);
      w.deleteRoom.run(roomId);
    },
  };

  let busy = false;
  return {
    name: 'sqlite',
    concurrentTransactions: 1,
    async transaction(fn) {
      if (busy) throw new Error('sqlite engine: overlapping transactions');
      busy = true;
      begin.run();
      try {
        const result = await fn(tx);
        commit.run();
        return result;
      } catch (error) {
        if (db.inTransaction) rollback.run();
        throw error;
      } finally {
        busy = false;
      }
    },
    async readPage(tag, after, maxCount, maxBytes) {
      readBegin.run();
      try {
        const row = r.room.get(tag);
        if (!row) return { room: null, snapshot: null, envelopes: [] };
        const room = roomFromRow(row);
        let snapshot = null;
        if (after < room.snapshotSeq) {
          const s = /** @type {any} */ (r.snapshot.get(room.id));
          if (s) snapshot = { snapshotId: s.snapshot_id, seq: Number(s.seq), data: s.data };
        }
        const from = Math.max(after, room.snapshotSeq);
        const envelopes = [];
        let bytes = 0;
        for (const e of /** @type {Iterable<any>} */ (r.envelopes.iterate(room.id, from, maxCount))) {
          if (envelopes.length > 0 && bytes + e.data.length > maxBytes) break;
          envelopes.push({ seq: Number(e.seq), id: e.envelope_id, data: e.data });
          bytes += e.data.length;
        }
        return { room, snapshot, envelopes };
      } finally {
        if (reader.inTransaction) readEnd.run();
      }
    },
    async sweepFolded(foldedBefore) {
      return w.sweep.run(foldedBefore).changes;
    },
    async renewLogIds() {
      const ids = /** @type {number[]} */ (w.allRooms.all());
      db.transaction(() => {
        for (const id of ids) w.renew.run(randomBytes(16), id);
      })();
      return ids.length;
    },
    async stats() {
      const s = /** @type {any} */ (r.stats.get());
      return { rooms: Number(s.rooms), envelopes: Number(s.envelopes), bytes: Number(s.bytes) };
    },
    async ping() {
      reader.prepare('SELECT 1').get();
    },
    async close() {
      reader.close();
      db.close();
    },
  };
}
