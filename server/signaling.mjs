// @ts-check
/**
 * The signaling engine: admits WebSocket upgrades, keeps connections alive, and routes y-webrtc's
 * subscribe / unsubscribe / publish / ping between them (protocol.mjs describes the messages).
 *
 * Every frame goes through the same gate, in this order, and each bad case has one fixed outcome:
 *
 *   frame over MAX_FRAME_BYTES          ws closes the connection, 1009 (before buffering it whole)
 *   text that is not valid UTF-8        ws closes the connection, 1007
 *   malformed WebSocket framing         ws closes the connection, 1002
 *   too many connections from one address  refused at the upgrade, 429
 *   over the rate (bucket empty)        frame dropped, connection kept (per connection, and per address in frames and bytes)
 *   flooding (rate debt reaches burst)  connection closed, 1008
 *   binary frame                        connection closed, 1003 (y-webrtc only ever sends text)
 *   not JSON / not an object / no type  frame dropped, connection kept
 *   wrong-shaped topics or topic        frame dropped, connection kept
 *   unknown type                        frame dropped, connection kept (as the stock server does)
 *   subscribe past MAX_TOPICS_…         topics past the cap ignored, the rest subscribed, connection kept
 *   publish that cannot be serialised   dropped (e.g. nesting too deep for JSON.stringify)
 *   receiver not reading (backlog)      receiver cut off (terminated) once MAX_BUFFERED_BYTES is queued for it,
 *                                       or MAX_BUFFERED_BYTES_PER_IP for all of its address's connections
 *   exception in a handler              logged, that connection closed 1011, everything else untouched
 *
 * Drops and closes are counted (log.mjs), never logged with their content or topic.
 * Nothing one connection sends can reach another connection except a valid publish to a topic.
 */
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import { checkAdmission } from './admission.mjs';
import { IpLimits, clientAddress } from './ip-limits.mjs';
import { PONG, parseClientMessage } from './protocol.mjs';
import { TokenBucket } from './rate-limit.mjs';
import { TopicRegistry } from './topic-registry.mjs';
import { createLifecycle, refuseUpgrade, toBuffer, wsErrorReason } from './ws-common.mjs';

/** @import { Duplex } from 'node:stream' */
/** @import { IncomingMessage } from 'node:http' */
/** @import { Backplane, BackplaneHost } from './backplane.mjs' */
/** @import { Config } from './config.mjs' */
/** @import { Log } from './log.mjs' */

/**
 * @typedef {object} Connection
 * @property {WebSocket} socket
 * @property {string} ip the client's address, for the per-address limits
 * @property {TokenBucket} bucket
 * @property {boolean} alive whether it has shown a sign of life since the last ping
 * @property {boolean} closing set once we decided to close it; its frames are ignored from then on
 */

/**
 * @typedef {{ connections: number, topics: number, backplane: import('./backplane.mjs').BackplaneState }} SignalingHealth
 */

/**
 * @typedef {object} Signaling
 * @property {(request: IncomingMessage, socket: Duplex, head: Buffer) => void} handleUpgrade for the HTTP server's 'upgrade' event
 * @property {() => SignalingHealth} health
 * @property {() => Promise<void>} close closes every connection (1001) and the backplane
 */

const PONG_FRAME = Buffer.from(PONG);

/**
 * Creates the engine. It owns its timers; `close()` releases them.
 * @param {{ config: Config, log: Log, createBackplane: (host: BackplaneHost) => Backplane }} options
 * @returns {Signaling}
 */
export function createSignaling({ config, log, createBackplane }) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxFrameBytes,
    // Compression would let a 64 KiB frame inflate to far more, and SDP barely compresses anyway.
    perMessageDeflate: false,
    clientTracking: false,
  });
  /** @type {Set<Connection>} */
  const connections = new Set();
  /** @type {IpLimits<Connection>} */
  const ipLimits = new IpLimits(config.ipLimits, (conn) => conn.socket.bufferedAmount);
  /** @type {TopicRegistry<Connection>} */
  const registry = new TopicRegistry({
    // Called only once connections exist, by which time `backplane` is assigned.
    onTopicOpened: (topic) => backplane.openTopic(topic),
    onTopicClosed: (topic) => backplane.closeTopic(topic),
  });
  const backplane = createBackplane({ deliver: deliverLocal, openTopics: () => registry.topics() });
  let shuttingDown = false;

  const { close, terminate, shutdown } = createLifecycle({ connections, log, prefix: '', pingIntervalMs: config.pingIntervalMs, forget: (conn) => registry.removeConnection(conn) });

  /**
   * Runs a handler so that its exception costs at most the one connection it concerns.
   * @param {string} where
   * @param {Connection | null} conn
   * @param {() => void} handler
   */
  function guard(where, conn, handler) {
    try {
      handler();
    } catch (error) {
      log.error(where, error);
      if (conn) close(conn, 1011, 'internal-error');
    }
  }

  /** @param {Duplex} socket @param {number} status @param {string} reason */
  const refuse = (socket, status, reason) => refuseUpgrade(socket, status, reason, log);

  /** @param {WebSocket} socket @param {string} ip */
  function accept(socket, ip) {
    /** @type {Connection} */
    const conn = {
      socket,
      ip,
      bucket: new TokenBucket({ ratePerSecond: config.rateLimitPerSecond, burst: config.rateLimitBurst }, performance.now()),
      alive: true,
      closing: false,
    };
    connections.add(conn);
    ipLimits.add(ip, conn, performance.now());
    socket.on('message', (data, isBinary) => guard('message', conn, () => onFrame(conn, data, isBinary)));
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('error', (/** @type {Error & { code?: string }} */ error) => {
      // ws closes the connection itself after an input error; we only record why.
      if (!conn.closing) log.count(`closed.${wsErrorReason(error)}`);
      conn.closing = true;
    });
    socket.on('close', () => {
      connections.delete(conn);
      ipLimits.remove(ip, conn);
      guard('close', null, () => registry.removeConnection(conn));
    });
  }

  /**
   * @param {Connection} conn
   * @param {import('ws').RawData} data
   * @param {boolean} isBinary
   */
  function onFrame(conn, data, isBinary) {
    if (conn.closing) return;
    conn.alive = true;
    const now = performance.now();
    const bytes = toBuffer(data);
    const verdict = conn.bucket.take(now);
    const shared = ipLimits.take(conn.ip, bytes.length, now).verdict;
    if (verdict === 'close' || shared === 'close') return close(conn, 1008, 'rate-limit');
    if (verdict === 'drop' || shared === 'drop') return log.count('dropped.rate-limit');
    if (isBinary) return close(conn, 1003, 'binary');
    const parsed = parseClientMessage(bytes.toString('utf8'), config);
    if (!parsed.ok) return log.count(`dropped.${parsed.reason}`);
    const message = parsed.message;
    switch (message.type) {
      case 'subscribe':
        for (const topic of message.topics) {
          if (registry.has(conn, topic)) continue;
          if (registry.countTopicsOf(conn) >= config.maxTopicsPerConnection) return log.count('dropped.topic-limit');
          registry.subscribe(conn, topic);
        }
        return;
      case 'unsubscribe':
        for (const topic of message.topics) registry.unsubscribe(conn, topic);
        return;
      case 'publish':
        deliverLocal(message.topic, message.message);
        backplane.publish(message.topic, message.message);
        return;
      case 'ping':
        return send(conn, PONG_FRAME);
    }
  }

  /**
   * Sends a publish to this node's subscribers of its topic, the sender included (as the stock
   * server does; y-webrtc ignores its own messages by peer id). `clients` is the local count.
   * @param {string} topic
   * @param {Record<string, unknown>} message
   */
  function deliverLocal(topic, message) {
    const receivers = registry.subscribersOf(topic);
    if (receivers === undefined) return;
    message.clients = receivers.size;
    let frame;
    try {
      // Serialised once for every receiver (the stock server does it per receiver).
      frame = Buffer.from(JSON.stringify(message));
    } catch {
      return log.count('dropped.unserializable');
    }
    for (const receiver of receivers) send(receiver, frame);
  }

  /**
   * @param {Connection} conn
   * @param {Buffer} frame UTF-8 JSON, sent as a text frame
   */
  function send(conn, frame) {
    if (conn.closing || conn.socket.readyState !== WebSocket.OPEN) return;
    // A receiver that stopped reading would otherwise make us buffer every message for it forever.
    // Nor may many such receivers from one address add up to more than its budget.
    if (conn.socket.bufferedAmount > config.maxBufferedBytes || ipLimits.overBuffered(conn.ip)) return terminate(conn, 'slow-consumer');
    conn.socket.send(frame, { binary: false });
  }

  return {
    handleUpgrade(request, socket, head) {
      // Without a listener, a reset during the handshake would be an uncaught 'error'.
      socket.on('error', () => log.count('socket-error'));
      try {
        if (shuttingDown) return refuse(socket, 503, 'shutting-down');
        if (connections.size >= config.maxConnections) return refuse(socket, 503, 'capacity');
        const refusal = checkAdmission(request, config);
        if (refusal) return refuse(socket, refusal.status, refusal.reason);
        const ip = clientAddress(request, config.ipLimits.trustProxy);
        if (!ipLimits.mayConnect(ip)) return refuse(socket, 429, 'ip-connections');
        wss.handleUpgrade(request, socket, head, (ws) => guard('accept', null, () => accept(ws, ip)));
      } catch (error) {
        log.error('upgrade', error);
        socket.destroy();
      }
    },
    health: () => ({ connections: connections.size, topics: registry.topicCount, backplane: backplane.state() }),
    async close() {
      shuttingDown = true;
      await shutdown();
      await backplane.close();
      wss.close();
    },
  };
}
