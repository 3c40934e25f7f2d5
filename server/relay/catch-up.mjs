// @ts-check
/**
 * Catch-up: streams a room to one connection from a sequence number, as SYNC_BEGIN, the snapshot
 * when the reader is behind it, pages of envelopes, then SYNC_END — reading page by page from the
 * store and waiting for the connection to drain before each next page, so a slow reader costs one
 * page of memory, never the whole room.
 *
 * A live subscription uses the same stream to recover whenever it falls behind (a gap, a reader
 * too slow for live delivery, another node's envelopes lost by Redis): it is put back into
 * catch-up from its cursor, and turns live again once it has read to the head.
 */
import { BEGIN_EMPTY, BEGIN_RESET, END_SUBSCRIBED, ZERO_ID, encodeEnvelopes, encodeSnapshotData, encodeSyncBegin, encodeSyncEnd } from './codec.mjs';
import { stateOf } from './store-rules.mjs';

/** @import { RelayEngine, RoomRow } from './engine.mjs' */
/** @import { RoomState } from './codec.mjs' */

/**
 * One connection's interest in one room.
 * @typedef {object} Subscription
 * @property {Buffer} tag
 * @property {string} hex the tag in hex, the registry's key
 * @property {Buffer} logId the log the cursor counts in (ZERO_ID: the room had no log)
 * @property {number} cursor every envelope up to here has reached this connection
 * @property {'live' | 'catching-up'} mode live: new envelopes are sent as they commit
 * @property {number} noteMax highest sequence committed while catching up (read again before turning live)
 * @property {boolean} registered whether it is a live subscription (false for a one-off pull)
 */

/**
 * @typedef {{ sub: Subscription, reqId: number, knownLogId: Buffer, after: number }} SyncJob
 */

/**
 * @typedef {object} CatchUpPort what the stream needs from the connection it serves
 * @property {(frame: Buffer) => void} send
 * @property {() => Promise<void>} drained resolves once the connection has room for the next page (or is closing)
 * @property {() => boolean} closing
 * @property {() => boolean} stillSubscribed whether `sub` is still this connection's subscription to its room
 */

/** @type {RoomState} */
export const EMPTY_STATE = Object.freeze({ logId: ZERO_ID, head: 0, snapshotId: ZERO_ID, snapshotSeq: 0, tailCount: 0, tailBytes: 0 });

/**
 * Runs one catch-up to the head.
 * @param {SyncJob} job
 * @param {CatchUpPort} port
 * @param {{ engine: RelayEngine, pageCount: number, pageBytes: number }} options
 */
export async function runCatchUp(job, port, { engine, pageCount, pageBytes }) {
  const { sub, reqId } = job;
  let known = job.knownLogId;
  let cursor = job.after;
  /** @type {Buffer | null} */
  let logId = null;
  /** @type {RoomRow | null} */
  let room = null;
  let restarted = false;
  for (;;) {
    const page = await engine.readPage(sub.tag, cursor, pageCount, pageBytes);
    if (port.closing()) return;
    room = page.room;
    const roomLog = room?.logId ?? ZERO_ID;
    if (logId === null || !roomLog.equals(logId)) {
      // First page, or the room was deleted or re-created while we streamed it: (re)start.
      /** @type {Buffer} */
      const previous = logId ?? known;
      const reset = (!previous.equals(ZERO_ID) && !previous.equals(roomLog)) || cursor > (room?.head ?? 0);
      if (reset && cursor > 0) {
        cursor = 0;
        known = previous;
        logId = null;
        restarted = true;
        continue;
      }
      const flags = (reset || restarted ? BEGIN_RESET : 0) | (room ? 0 : BEGIN_EMPTY);
      restarted = false;
      port.send(encodeSyncBegin(reqId, sub.tag, room ? stateOf(room) : EMPTY_STATE, flags));
      logId = roomLog;
    }
    if (page.snapshot !== null) {
      port.send(encodeSnapshotData(reqId, sub.tag, roomLog, page.snapshot));
      cursor = Math.max(cursor, page.snapshot.seq);
      await port.drained();
    }
    if (page.envelopes.length > 0) {
      port.send(encodeEnvelopes(reqId, sub.tag, roomLog, page.envelopes));
      cursor = /** @type {number} */ (page.envelopes.at(-1)?.seq);
      await port.drained();
    }
    if (port.closing()) return;
    if (page.envelopes.length === 0 && page.snapshot === null && sub.noteMax <= cursor) break;
  }
  const subscribed = sub.registered && port.stillSubscribed();
  port.send(encodeSyncEnd(reqId, sub.tag, room ? stateOf(room) : EMPTY_STATE, subscribed ? END_SUBSCRIBED : 0));
  sub.cursor = cursor;
  sub.logId = /** @type {Buffer} */ (logId);
  if (subscribed) sub.mode = 'live';
}
