// @ts-check
/**
 * Live delivery: what a commit on this node (or, through the backplane, on another node) means
 * for this node's subscribers of the room.
 *
 * Each subscription has a cursor, and a frame goes out only if it continues the cursor exactly,
 * so on one connection every sequence number arrives once and in order. Anything else — a gap
 * (another node's message still on its way, or lost by Redis), a log id that changed, a reader
 * with too much unread — sends the subscription back to catch up from the database
 * (catch-up.mjs), which is the source of truth; Redis only makes delivery fast.
 *
 * The connection that pushed an envelope gets its entry without the data (ENTRY_OWN): it keeps
 * its cursor complete without receiving its own bytes back.
 */
import { STATE_COMPACT, STATE_SNAPSHOT, ZERO_ID, encodeEnvelopes, encodeRoomGone, encodeRoomState } from './codec.mjs';

/** @import { TopicRegistry } from '../topic-registry.mjs' */
/** @import { Log } from '../log.mjs' */
/** @import { RoomRow, EnvelopeRow } from './engine.mjs' */
/** @import { RoomState, OutEntry } from './codec.mjs' */
/** @import { Subscription } from './catch-up.mjs' */

/**
 * @typedef {{ seq: number, id: Buffer, data: Buffer, origin: string }} LiveEntry
 * @typedef {{ kind: 'append', tag: Buffer, logId: Buffer, entries: LiveEntry[] }
 *   | { kind: 'state', tag: Buffer, state: RoomState, flags: number }
 *   | { kind: 'gone', tag: Buffer, logId: Buffer }} RoomEvent
 */

/**
 * @template {{ subs: Map<string, Subscription>, id: number }} Conn
 * @param {{
 *   nodeId: string,
 *   registry: TopicRegistry<Conn>,
 *   send: (conn: Conn, frame: Buffer) => void,
 *   lagging: (conn: Conn) => boolean,
 *   resync: (conn: Conn, sub: Subscription) => void,
 *   publish: ((topic: string, message: Record<string, unknown>) => void) | null,
 *   log: Log,
 * }} options
 */
export function createFanOut({ nodeId, registry, send, lagging, resync, publish, log }) {
  /**
   * @param {RoomEvent} event
   */
  function deliver(event) {
    const hex = event.tag.toString('hex');
    const subscribers = registry.subscribersOf(hex);
    if (subscribers === undefined) return;
    /** @type {Buffer | null} */
    let shared = null;
    for (const conn of subscribers) {
      const sub = conn.subs.get(hex);
      if (sub === undefined) continue;
      switch (event.kind) {
        case 'append': {
          const last = /** @type {LiveEntry} */ (event.entries.at(-1)).seq;
          if (sub.mode !== 'live') {
            sub.noteMax = Math.max(sub.noteMax, last);
            continue;
          }
          if (!sub.logId.equals(event.logId)) {
            // A room created after this subscription began: its log starts at 1.
            if (sub.logId.equals(ZERO_ID) && sub.cursor === 0) sub.logId = event.logId;
            else {
              sub.noteMax = last;
              resync(conn, sub);
              continue;
            }
          }
          if (last <= sub.cursor) continue;
          const fresh = /** @type {LiveEntry} */ (event.entries[0]).seq > sub.cursor ? event.entries : event.entries.filter((e) => e.seq > sub.cursor);
          if (/** @type {LiveEntry} */ (fresh[0]).seq !== sub.cursor + 1 || lagging(conn)) {
            sub.noteMax = last;
            resync(conn, sub);
            continue;
          }
          const origin = `${nodeId}/${conn.id}`;
          const mine = fresh.some((e) => e.origin === origin);
          if (mine || fresh !== event.entries) {
            send(conn, encodeEnvelopes(0, event.tag, event.logId, fresh.map((e) => toOut(e, origin))));
          } else {
            shared ??= encodeEnvelopes(0, event.tag, event.logId, event.entries);
            send(conn, shared);
          }
          sub.cursor = last;
          continue;
        }
        case 'state':
          if (sub.mode === 'live' && sub.logId.equals(event.state.logId)) {
            shared ??= encodeRoomState(event.tag, event.state, event.flags);
            send(conn, shared);
          }
          continue;
        case 'gone':
          if (sub.logId.equals(event.logId)) {
            shared ??= encodeRoomGone(event.tag, event.logId);
            send(conn, shared);
            sub.logId = ZERO_ID;
            sub.cursor = 0;
          }
          continue;
      }
    }
  }

  /**
   * Delivers an event committed here, and passes it to the other nodes.
   * @param {RoomEvent} event
   */
  function local(event) {
    deliver(event);
    // Serialised only when there are other nodes to tell.
    publish?.(event.tag.toString('hex'), toWire(event));
  }

  return {
    /**
     * Envelopes committed on this node; also asks the room's readers to compact when the push
     * made the tail cross a multiple of a threshold.
     * @param {Buffer} tag
     * @param {{ state: RoomState, fresh: EnvelopeRow[], before: { tailCount: number, tailBytes: number } }} result
     * @param {string} origin `<node>/<connection>` of the pusher
     * @param {{ compactAfterEnvelopes: number, compactAfterBytes: number }} thresholds
     */
    appended(tag, result, origin, thresholds) {
      local({ kind: 'append', tag, logId: result.state.logId, entries: result.fresh.map((e) => ({ ...e, origin })) });
      const crossed = (/** @type {number} */ before, /** @type {number} */ after, /** @type {number} */ every) => Math.floor(after / every) > Math.floor(before / every);
      if (crossed(result.before.tailCount, result.state.tailCount, thresholds.compactAfterEnvelopes)
        || crossed(result.before.tailBytes, result.state.tailBytes, thresholds.compactAfterBytes)) {
        local({ kind: 'state', tag, state: result.state, flags: STATE_COMPACT });
      }
    },
    /** @param {Buffer} tag @param {RoomState} state */
    snapshotted(tag, state) {
      local({ kind: 'state', tag, state, flags: STATE_SNAPSHOT });
    },
    /** @param {Buffer} tag @param {Buffer} logId */
    gone(tag, logId) {
      local({ kind: 'gone', tag, logId });
    },
    /**
     * An event from another node, through the backplane.
     * @param {string} topic
     * @param {Record<string, unknown>} message
     */
    deliverRemote(topic, message) {
      const event = fromWire(topic, message);
      if (event === null) return log.count('relay.backplane-bad-message');
      deliver(event);
    },
    /**
     * Sends live subscriptions of a room that are behind its row in the database to catch up.
     * @param {string} hex
     * @param {RoomRow | null} room
     */
    checkHead(hex, room) {
      for (const conn of registry.subscribersOf(hex) ?? []) {
        const sub = conn.subs.get(hex);
        if (sub === undefined || sub.mode !== 'live') continue;
        const behind = room === null ? !sub.logId.equals(ZERO_ID) : !room.logId.equals(sub.logId) || room.head > sub.cursor;
        if (behind) {
          sub.noteMax = room?.head ?? 0;
          resync(conn, sub);
        }
      }
    },
  };
}

/** @param {LiveEntry} e @param {string} origin @returns {OutEntry} */
function toOut(e, origin) {
  return { seq: e.seq, id: e.id, data: e.origin === origin ? null : e.data };
}

const b64 = (/** @type {Buffer} */ b) => b.toString('base64');

/** @param {RoomEvent} event @returns {Record<string, unknown>} */
function toWire(event) {
  switch (event.kind) {
    case 'append':
      return { k: 'a', l: b64(event.logId), e: event.entries.map((e) => [e.seq, b64(e.id), b64(e.data), e.origin]) };
    case 'state': {
      const s = event.state;
      return { k: 's', f: event.flags, s: [b64(s.logId), s.head, b64(s.snapshotId), s.snapshotSeq, s.tailCount, s.tailBytes] };
    }
    case 'gone':
      return { k: 'g', l: b64(event.logId) };
  }
}

/**
 * Parses another node's message; anything malformed is null (never an exception).
 * @param {string} topic
 * @param {Record<string, unknown>} m
 * @returns {RoomEvent | null}
 */
function fromWire(topic, m) {
  if (!/^[0-9a-f]{64}$/.test(topic)) return null;
  const tag = Buffer.from(topic, 'hex');
  const bytes = (/** @type {unknown} */ v, /** @type {number | null} */ size) => {
    if (typeof v !== 'string') throw new TypeError();
    const b = Buffer.from(v, 'base64');
    if (size !== null && b.length !== size) throw new TypeError();
    return b;
  };
  const int = (/** @type {unknown} */ v) => {
    if (!Number.isSafeInteger(v) || /** @type {number} */ (v) < 0) throw new TypeError();
    return /** @type {number} */ (v);
  };
  try {
    switch (m.k) {
      case 'a': {
        if (!Array.isArray(m.e) || m.e.length === 0) return null;
        const entries = m.e.map((/** @type {unknown} */ e) => {
          if (!Array.isArray(e) || typeof e[3] !== 'string') throw new TypeError();
          return { seq: int(e[0]), id: bytes(e[1], 16), data: bytes(e[2], null), origin: e[3] };
        });
        return { kind: 'append', tag, logId: bytes(m.l, 16), entries };
      }
      case 's': {
        const s = m.s;
        if (!Array.isArray(s) || s.length !== 6) return null;
        return { kind: 'state', tag, flags: int(m.f), state: { logId: bytes(s[0], 16), head: int(s[1]), snapshotId: bytes(s[2], 16), snapshotSeq: int(s[3]), tailCount: int(s[4]), tailBytes: int(s[5]) } };
      }
      case 'g':
        return { kind: 'gone', tag, logId: bytes(m.l, 16) };
      default:
        return null;
    }
  } catch {
    return null;
  }
}
