// @ts-check
/**
 * y-webrtc's signaling protocol, as spoken by `node_modules/y-webrtc/src/y-webrtc.js` (SignalingConn)
 * and `lib0/websocket` (the ping), and served by `node_modules/y-webrtc/bin/server.js`:
 *
 *   client → server  {type:'subscribe',   topics: string[]}
 *                    {type:'unsubscribe', topics: string[]}
 *                    {type:'publish',     topic: string, data: …}   data is opaque to the server
 *                    {type:'ping'}
 *   server → client  the publish object as received, plus `clients` (local subscriber count)
 *                    {type:'pong'}
 *
 * Parsing is pure and total: any string in, a verdict out, never an exception. The stock server
 * calls JSON.parse unguarded and dies on the first non-JSON frame; here a bad frame is only a
 * reason to count.
 */

/**
 * @typedef {{ type: 'subscribe', topics: string[] }
 *   | { type: 'unsubscribe', topics: string[] }
 *   | { type: 'publish', topic: string, message: Record<string, unknown> }
 *   | { type: 'ping' }} ClientMessage
 * `publish.message` is the whole parsed object: it is forwarded as received, like the stock server does.
 */

/**
 * @typedef {'invalid-json' | 'not-an-object' | 'bad-type' | 'unknown-type' | 'bad-topics' | 'bad-topic'} RejectReason
 */

/**
 * @typedef {{ ok: true, message: ClientMessage } | { ok: false, reason: RejectReason }} ParseResult
 */

/**
 * Parses and validates one text frame from a client.
 *
 * Valid: a JSON object whose `type` is one of the four above, with `topics` an array of topic
 * strings (possibly empty: y-webrtc subscribes to `[]` when it has no room yet) or `topic` a topic
 * string. A topic is a non-empty string of at most `maxTopicLength` UTF-16 code units. Fields the
 * protocol does not define are ignored (and forwarded within a publish).
 * @param {string} text the frame's text
 * @param {{ maxTopicLength: number }} limits
 * @returns {ParseResult}
 */
export function parseClientMessage(text, limits) {
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    // The error's message quotes the input; it is deliberately dropped, never logged.
    return { ok: false, reason: 'invalid-json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not-an-object' };
  }
  const object = /** @type {Record<string, unknown>} */ (value);
  const type = object.type;
  if (typeof type !== 'string') return { ok: false, reason: 'bad-type' };
  switch (type) {
    case 'subscribe':
    case 'unsubscribe': {
      const topics = object.topics;
      if (!Array.isArray(topics) || !topics.every((topic) => isTopic(topic, limits.maxTopicLength))) {
        return { ok: false, reason: 'bad-topics' };
      }
      return { ok: true, message: { type, topics: /** @type {string[]} */ (topics) } };
    }
    case 'publish': {
      const topic = object.topic;
      if (!isTopic(topic, limits.maxTopicLength)) return { ok: false, reason: 'bad-topic' };
      return { ok: true, message: { type, topic, message: object } };
    }
    case 'ping':
      return { ok: true, message: { type } };
    default:
      // The stock server ignores types it does not know; so do we (a newer client may add some).
      return { ok: false, reason: 'unknown-type' };
  }
}

/**
 * Whether a value can name a room.
 * @param {unknown} value
 * @param {number} maxLength
 * @returns {value is string}
 */
export function isTopic(value, maxLength) {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

/** The reply to an application-level ping, serialised once. */
export const PONG = JSON.stringify({ type: 'pong' });
