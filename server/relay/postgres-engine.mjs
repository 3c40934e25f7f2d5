// @ts-check
/**
 * The scale-out engine: PostgreSQL through `pg`. Several relay nodes share one database; a room's
 * row is locked (SELECT … FOR UPDATE) for the length of a write transaction, so sequence numbers
 * are assigned without gaps or duplicates whichever node writes. A COMMIT with PostgreSQL's default
 * synchronous_commit=on is durable before it returns. Reads run in a REPEATABLE READ transaction so
 * a page (room, snapshot, envelopes) is one consistent view.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

import { roomFromRow } from './engine.mjs';

/** @import { RelayEngine, EngineTx, RoomRow } from './engine.mjs' */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS relay_rooms (
  id BIGSERIAL PRIMARY KEY,
  tag BYTEA NOT NULL UNIQUE,
  log_id BYTEA NOT NULL,
  write_key BYTEA NOT NULL,
  head BIGINT NOT NULL DEFAULT 0,
  tail_count BIGINT NOT NULL DEFAULT 0,
  tail_bytes BIGINT NOT NULL DEFAULT 0,
  snapshot_id BYTEA,
  snapshot_seq BIGINT NOT NULL DEFAULT 0,
  snapshot_bytes BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS relay_envelopes (
  room_id BIGINT NOT NULL REFERENCES relay_rooms (id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  envelope_id BYTEA NOT NULL,
  data BYTEA,
  created_at BIGINT NOT NULL,
  folded_at BIGINT,
  PRIMARY KEY (room_id, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS relay_envelopes_by_id ON relay_envelopes (room_id, envelope_id);
CREATE INDEX IF NOT EXISTS relay_envelopes_folded ON relay_envelopes (folded_at) WHERE folded_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS relay_snapshots (
  room_id BIGINT PRIMARY KEY REFERENCES relay_rooms (id) ON DELETE CASCADE,
  snapshot_id BYTEA NOT NULL,
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
`;

// BIGINT columns come back as strings by default; every value here is below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * Connects and creates the tables if needed. Several nodes may do this at once: the schema
 * statements run under an advisory lock.
 * @param {{ url: string, poolSize?: number }} options
 * @returns {Promise<RelayEngine>}
 */
export async function openPostgresEngine({ url, poolSize = 8 }) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const setup = await pool.connect();
  try {
    await setup.query('SELECT pg_advisory_lock(727274)');
    await setup.query(SCHEMA);
    await setup.query('SELECT pg_advisory_unlock(727274)');
  } finally {
    setup.release();
  }

  /** @param {pg.PoolClient} c @returns {EngineTx} */
  const txOn = (c) => ({
    async lockRooms(tags) {
      /** @type {Map<string, RoomRow>} */
      const rooms = new Map();
      if (tags.length === 0) return rooms;
      // ORDER BY tag: every node locks in the same order.
      const { rows } = await c.query('SELECT * FROM relay_rooms WHERE tag = ANY($1::bytea[]) ORDER BY tag FOR UPDATE', [tags]);
      for (const row of rows) rooms.set(row.tag.toString('hex'), roomFromRow(row));
      return rooms;
    },
    async createRoom(tag, key, logId, now) {
      await c.query('INSERT INTO relay_rooms (tag, log_id, write_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (tag) DO NOTHING', [tag, logId, key, now]);
      const { rows } = await c.query('SELECT * FROM relay_rooms WHERE tag = $1 FOR UPDATE', [tag]);
      return roomFromRow(rows[0]);
    },
    async findEnvelopes(roomId, ids) {
      const { rows } = await c.query('SELECT envelope_id, seq FROM relay_envelopes WHERE room_id = $1 AND envelope_id = ANY($2::bytea[])', [roomId, ids]);
      return new Map(rows.map((row) => [row.envelope_id.toString('hex'), row.seq]));
    },
    async insertEnvelopes(roomId, rows, now) {
      await c.query(
        'INSERT INTO relay_envelopes (room_id, seq, envelope_id, data, created_at) SELECT $1, s, i, d, $5 FROM unnest($2::bigint[], $3::bytea[], $4::bytea[]) AS t (s, i, d)',
        [roomId, rows.map((r) => r.seq), rows.map((r) => r.id), rows.map((r) => r.data), now],
      );
    },
    async tailBetween(roomId, afterSeq, uptoSeq) {
      const { rows } = await c.query('SELECT count(*)::bigint AS count, coalesce(sum(length(data)), 0)::bigint AS bytes FROM relay_envelopes WHERE room_id = $1 AND seq > $2 AND seq <= $3 AND data IS NOT NULL', [roomId, afterSeq, uptoSeq]);
      return { count: rows[0].count, bytes: rows[0].bytes };
    },
    async foldUpTo(roomId, uptoSeq, now) {
      await c.query('UPDATE relay_envelopes SET data = NULL, folded_at = $1 WHERE room_id = $2 AND seq <= $3 AND data IS NOT NULL', [now, roomId, uptoSeq]);
    },
    async putSnapshot(roomId, snapshot, now) {
      await c.query(
        'INSERT INTO relay_snapshots (room_id, snapshot_id, seq, data, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (room_id) DO UPDATE SET snapshot_id = EXCLUDED.snapshot_id, seq = EXCLUDED.seq, data = EXCLUDED.data, created_at = EXCLUDED.created_at',
        [roomId, snapshot.snapshotId, snapshot.seq, snapshot.data, now],
      );
    },
    async saveRoom(room, now) {
      await c.query(
        'UPDATE relay_rooms SET write_key = $1, head = $2, tail_count = $3, tail_bytes = $4, snapshot_id = $5, snapshot_seq = $6, snapshot_bytes = $7, updated_at = $8 WHERE id = $9',
        [room.key, room.head, room.tailCount, room.tailBytes, room.snapshotId, room.snapshotSeq, room.snapshotBytes, now, room.id],
      );
    },
    async deleteRoom(roomId) {
      await c.query('DELETE FROM relay_rooms WHERE id = $1', [roomId]);
    },
  });

  return {
    name: 'postgres',
    concurrentTransactions: 4,
    async transaction(fn) {
      const c = await pool.connect();
      let broken = false;
      try {
        await c.query('BEGIN');
        const result = await fn(txOn(c));
        await c.query('COMMIT');
        return result;
      } catch (error) {
        await c.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        c.release(broken);
      }
    },
    async readPage(tag, after, maxCount, maxBytes) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const { rows } = await c.query('SELECT * FROM relay_rooms WHERE tag = $1', [tag]);
        if (rows.length === 0) return { room: null, snapshot: null, envelopes: [] };
        const room = roomFromRow(rows[0]);
        let snapshot = null;
        if (after < room.snapshotSeq) {
          const s = (await c.query('SELECT snapshot_id, seq, data FROM relay_snapshots WHERE room_id = $1', [room.id])).rows[0];
          if (s) snapshot = { snapshotId: s.snapshot_id, seq: s.seq, data: s.data };
        }
        // The running total stops the page at maxBytes without fetching rows past it (the first row always comes).
        const e = await c.query(
          `SELECT seq, envelope_id, data FROM (
             SELECT seq, envelope_id, data, sum(length(data)) OVER (ORDER BY seq) AS running, row_number() OVER (ORDER BY seq) AS n
             FROM relay_envelopes WHERE room_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
           ) page WHERE running <= $4 OR n = 1 ORDER BY seq`,
          [room.id, Math.max(after, room.snapshotSeq), maxCount, maxBytes],
        );
        return { room, snapshot, envelopes: e.rows.map((row) => ({ seq: row.seq, id: row.envelope_id, data: row.data })) };
      } finally {
        await c.query('COMMIT').catch(() => {});
        c.release();
      }
    },
    async sweepFolded(foldedBefore) {
      return (await pool.query('DELETE FROM relay_envelopes WHERE folded_at IS NOT NULL AND folded_at < $1', [foldedBefore])).rowCount ?? 0;
    },
    async renewLogIds() {
      const { rows } = await pool.query('SELECT id FROM relay_rooms');
      for (const row of rows) await pool.query('UPDATE relay_rooms SET log_id = $1 WHERE id = $2', [randomBytes(16), row.id]);
      return rows.length;
    },
    async stats() {
      const { rows } = await pool.query('SELECT (SELECT count(*) FROM relay_rooms)::bigint AS rooms, (SELECT count(*) FROM relay_envelopes WHERE data IS NOT NULL)::bigint AS envelopes, (SELECT coalesce(sum(tail_bytes + snapshot_bytes), 0) FROM relay_rooms)::bigint AS bytes');
      return { rooms: rows[0].rooms, envelopes: rows[0].envelopes, bytes: rows[0].bytes };
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
