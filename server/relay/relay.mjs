// @ts-check
/**
 * The relay engine: admits WebSocket upgrades, says HELLO with the connection's challenge, and
 * serves the frames of PROTOCOL.md — pushes and other writes (signature checked here, authority
 * and rules in the store), catch-up (catch-up.mjs) and live delivery (fan-out.mjs).
 *
 * Every frame passes the same gate: rate limits (per connection, per address), then the decoder;
 * anything wrong gets an ERROR answer naming the request and changes nothing. Only text frames
 * (1003), floods (1008), frames over the size cap (1009, refused by ws from the header) and
 * clients that stop reading (4001) lose their connection.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import { checkAdmission } from '../admission.mjs';
import { IpLimits, clientAddress } from '../ip-limits.mjs';
import { TokenBucket } from '../rate-limit.mjs';
import { TopicRegistry } from '../topic-registry.mjs';
import { createLifecycle, refuseUpgrade, toBuffer, wsErrorReason } from '../ws-common.mjs';
import { runCatchUp } from './catch-up.mjs';
import { decodeClientFrame, encodeDone, encodeError, encodeHello, encodePong, encodePushed, encodeSnapshotStored, ZERO_ID } from './codec.mjs';
import { createFanOut } from './fan-out.mjs';
import { verifyFrame } from './keys.mjs';

/** @import { Duplex } from 'node:stream' */
/** @import { IncomingMessage } from 'node:http' */
/** @import { Backplane, BackplaneHost } from '../backplane.mjs' */
/** @import { Config } from '../config.mjs' */
/** @import { RelayConfig } from './config.mjs' */
/** @import { Log } from '../log.mjs' */
/** @import { RelayStore } from './store.mjs' */
/** @import { ClientFrame, ErrorName } from './codec.mjs' */
/** @import { Subscription, SyncJob } from './catch-up.mjs' */

/**
 * @typedef {object} RelayConnection
 * @property {number} id
 * @property {WebSocket} socket
 * @property {string} ip
 * @property {Buffer} challenge
 * @property {TokenBucket} bucket
 * @property {boolean} alive
 * @property {boolean} closing
 * @property {Map<string, Subscription>} subs
 * @property {SyncJob[]} jobs
 * @property {boolean} pumping
 */

/**
 * @typedef {object} RelayHealth
 * @property {number} connections
 * @property {number} rooms rooms with a live subscriber on this node
 * @property {number} queuedBytes bytes written to connections and not yet taken by them
 * @property {'sqlite' | 'postgres'} store
 * @property {'up' | 'down'} storeState
 * @property {import('../backplane.mjs').BackplaneState} backplane
 */

/**
 * @typedef {object} Relay
 * @property {(request: IncomingMessage, socket: Duplex, head: Buffer) => void} handleUpgrade
 * @property {() => RelayHealth} health
 * @property {() => Record<string, number>} counters monotonically increasing totals, for /metrics
 * @property {() => Promise<void>} close
 */

/** Close codes of our own (PROTOCOL.md, "Close codes"). */
export const CLOSE_NOT_READING = 4001;

/**
 * @param {{ config: Config, relay: RelayConfig, log: Log, store: RelayStore, createBackplane: (host: BackplaneHost) => Backplane }} options
 * @returns {Relay}
 */
export function createRelay({ config, relay: rc, log, store, createBackplane }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: rc.maxFrameBytes, perMessageDeflate: false, clientTracking: false });
  /** @type {Set<RelayConnection>} */
  const connections = new Set();
  /** @type {IpLimits<RelayConnection>} */
  const ipLimits = new IpLimits(config.ipLimits, (conn) => conn.socket.bufferedAmount);
  /** @type {TopicRegistry<RelayConnection>} */
  const registry = new TopicRegistry({
    onTopicOpened: (topic) => backplane.openTopic(topic),
    onTopicClosed: (topic) => backplane.closeTopic(topic),
  });
  const fanOut = createFanOut({
    nodeId: config.nodeId,
    registry,
    send: (conn, frame) => send(conn, frame),
    lagging: (conn) => conn.socket.bufferedAmount > rc.liveHighWaterBytes || ipLimits.overBuffered(conn.ip),
    resync: (conn, sub) => enqueue(conn, { sub, reqId: 0, knownLogId: sub.logId, after: sub.cursor }),
    publish: config.redisUrl === null ? null : (topic, message) => backplane.publish(topic, message),
    log,
  });
  const backplane = createBackplane({ deliver: fanOut.deliverRemote, openTopics: () => registry.topics() });
  const announced = encodeHelloLimits(rc);
  const decodeLimits = { maxEnvelopeBytes: rc.maxEnvelopeBytes, maxBatch: rc.maxBatch, maxSnapshotBytes: rc.maxSnapshotBytes };
  const counters = { pushes: 0, envelopes: 0, envelope_bytes: 0, duplicates: 0, snapshots: 0, syncs: 0, deletes: 0, refused_writes: 0 };
  let nextId = 1;
  let shuttingDown = false;
  let storeState = /** @type {'up' | 'down'} */ ('up');

  const { close, shutdown } = createLifecycle({ connections, log, prefix: 'relay.', pingIntervalMs: config.pingIntervalMs, forget: (conn) => registry.removeConnection(conn) });
  // Ids of envelopes folded into snapshots are kept a while so late retries are recognised, then forgotten.
  const sweeper = setInterval(() => {
    store.engine.sweepFolded(Date.now() - rc.foldedRetentionMs).catch((error) => log.error('sweep', error));
  }, 3_600_000);
  sweeper.unref();
  // When a write failed, find out when the database is back rather than waiting for the next write.
  const storeWatch = setInterval(() => {
    if (storeState === 'down') store.engine.ping().then(() => (storeState = 'up'), () => {});
  }, 2_000);
  // With several nodes, Redis may drop a live message (pub/sub is not durable): every few seconds
  // each node compares its live subscriptions with the heads in the database and catches up the
  // ones behind. With one node there is nothing to miss.
  const headCheck = config.redisUrl === null ? null : setInterval(() => void checkHeads(), 5_000);

  /**
   * @param {string} where
   * @param {RelayConnection | null} conn
   * @param {() => unknown} handler may return a promise; its rejection is handled like a throw
   */
  function guard(where, conn, handler) {
    const fail = (/** @type {unknown} */ error) => {
      log.error(where, error);
      if (conn) close(conn, 1011, 'internal-error');
    };
    try {
      const result = handler();
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  /** @param {WebSocket} socket @param {string} ip */
  function accept(socket, ip) {
    /** @type {RelayConnection} */
    const conn = {
      id: nextId++,
      socket,
      ip,
      challenge: randomBytes(32),
      bucket: new TokenBucket({ ratePerSecond: rc.rateLimitPerSecond, burst: rc.rateLimitBurst }, performance.now()),
      alive: true,
      closing: false,
      subs: new Map(),
      jobs: [],
      pumping: false,
    };
    connections.add(conn);
    ipLimits.add(ip, conn, performance.now());
    socket.on('message', (data, isBinary) => guard('message', conn, () => onFrame(conn, data, isBinary)));
    socket.on('pong', () => (conn.alive = true));
    socket.on('error', (/** @type {Error & { code?: string }} */ error) => {
      if (!conn.closing) log.count(`relay.closed.${wsErrorReason(error)}`);
      conn.closing = true;
    });
    socket.on('close', () => {
      conn.closing = true;
      connections.delete(conn);
      ipLimits.remove(ip, conn);
      guard('close', null, () => registry.removeConnection(conn));
    });
    socket.send(encodeHello(conn.challenge, announced), { binary: true });
  }

  /**
   * @param {RelayConnection} conn
   * @param {import('ws').RawData} data
   * @param {boolean} isBinary
   */
  async function onFrame(conn, data, isBinary) {
    if (conn.closing) return;
    conn.alive = true;
    if (!isBinary) return close(conn, 1003, 'text-frame');
    const bytes = toBuffer(data);
    const now = performance.now();
    const own = conn.bucket.take(now);
    const shared = ipLimits.take(conn.ip, bytes.length, now);
    if (own === 'close' || shared.verdict === 'close') return close(conn, 1008, 'rate-limit');
    if (own === 'drop' || shared.verdict === 'drop') {
      log.count('relay.refused.rate-limit');
      const retry = Math.max(conn.bucket.retryAfterMs(), shared.retryAfterMs, 1);
      return answerError(conn, bytes.length >= 5 ? bytes.readUInt32BE(1) : 0, 'rate-limited', 'too many requests: wait and send again', retry);
    }
    const decoded = decodeClientFrame(bytes, decodeLimits);
    if (!decoded.ok) {
      log.count(`relay.refused.${decoded.error}`);
      return answerError(conn, decoded.reqId, decoded.error, decoded.message);
    }
    const frame = decoded.frame;
    switch (frame.type) {
      case 'ping':
        return send(conn, encodePong(frame.reqId));
      case 'sync':
        return onSync(conn, frame);
      case 'unsubscribe': {
        const hex = frame.tag.toString('hex');
        conn.subs.delete(hex);
        registry.unsubscribe(conn, hex);
        return send(conn, encodeDone(frame.reqId, frame.tag));
      }
      default:
        return onWrite(conn, frame);
    }
  }

  /**
   * @param {RelayConnection} conn
   * @param {Extract<ClientFrame, { type: 'sync' }>} frame
   */
  function onSync(conn, frame) {
    counters.syncs++;
    const hex = frame.tag.toString('hex');
    if (frame.live && !conn.subs.has(hex) && conn.subs.size >= rc.maxRoomsPerConnection) {
      return answerError(conn, frame.reqId, 'too-many-rooms', `at most ${rc.maxRoomsPerConnection} live rooms per connection`);
    }
    if (conn.jobs.length >= rc.maxRoomsPerConnection) return answerError(conn, frame.reqId, 'busy', 'too many catch-ups waiting on this connection', 1000);
    /** @type {Subscription} */
    const sub = { tag: frame.tag, hex, logId: ZERO_ID, cursor: 0, mode: 'catching-up', noteMax: 0, registered: frame.live };
    if (frame.live) {
      conn.subs.set(hex, sub);
      registry.subscribe(conn, hex);
    }
    enqueue(conn, { sub, reqId: frame.reqId, knownLogId: frame.knownLogId, after: frame.after });
  }

  /**
   * @param {RelayConnection} conn
   * @param {SyncJob} job
   */
  function enqueue(conn, job) {
    job.sub.mode = 'catching-up';
    conn.jobs.push(job);
    if (!conn.pumping) guard('catch-up', conn, () => pump(conn));
  }

  /** @param {RelayConnection} conn */
  async function pump(conn) {
    conn.pumping = true;
    try {
      while (conn.jobs.length > 0 && !conn.closing) {
        const job = /** @type {SyncJob} */ (conn.jobs.shift());
        try {
          await runCatchUp(job, {
            send: (frame) => send(conn, frame),
            drained: () => drained(conn),
            closing: () => conn.closing,
            stillSubscribed: () => conn.subs.get(job.sub.hex) === job.sub,
          }, { engine: store.engine, pageCount: 1000, pageBytes: rc.pageBytes });
        } catch (error) {
          // The database could not be read. A client's SYNC gets an error and is sent again later
          // (its subscription is dropped meanwhile); a resume the relay started itself has nobody
          // to answer, so the connection is closed "try again later" and the client, reconnecting,
          // syncs from its cursor.
          storeState = 'down';
          log.error('catch-up', error);
          if (conn.subs.get(job.sub.hex) === job.sub) {
            conn.subs.delete(job.sub.hex);
            registry.unsubscribe(conn, job.sub.hex);
          }
          if (job.reqId === 0) return close(conn, 1013, 'store-unavailable');
          answerError(conn, job.reqId, 'unavailable', 'the relay cannot read its store just now; sync again shortly', 2000);
        }
      }
    } finally {
      conn.pumping = false;
    }
  }

  /**
   * Resolves once `conn` has read enough of what was sent to take another page, or cuts it off
   * when it has not read for `stallMs`.
   * @param {RelayConnection} conn
   */
  function drained(conn) {
    const ready = () => conn.closing || (conn.socket.bufferedAmount <= rc.pageBytes && !ipLimits.overBuffered(conn.ip));
    if (ready()) return Promise.resolve();
    const since = Date.now();
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        if (ready()) {
          clearInterval(timer);
          resolve(undefined);
        } else if (Date.now() - since > rc.stallMs) {
          clearInterval(timer);
          cut(conn);
          resolve(undefined);
        }
      }, 20);
    });
  }

  /**
   * @param {RelayConnection} conn
   * @param {Exclude<ClientFrame, { type: 'ping' | 'sync' | 'unsubscribe' }>} frame
   */
  async function onWrite(conn, frame) {
    if (!verifyFrame(frame.key, conn.challenge, frame.signed, frame.sig)) {
      counters.refused_writes++;
      log.count('relay.refused.bad-signature');
      return answerError(conn, frame.reqId, 'bad-signature', 'the signature does not match this frame, this key and this connection');
    }
    const op = frame.type === 'push' ? { kind: /** @type {const} */ ('append'), tag: frame.tag, key: frame.key, envelopes: frame.envelopes }
      : frame.type === 'snapshot' ? { kind: /** @type {const} */ ('snapshot'), tag: frame.tag, key: frame.key, snapshotId: frame.snapshotId, baseSnapshotId: frame.baseSnapshotId, seq: frame.seq, data: frame.data }
      : frame.type === 'delete' ? { kind: /** @type {const} */ ('delete'), tag: frame.tag, key: frame.key }
      : { kind: /** @type {const} */ ('set-key'), tag: frame.tag, key: frame.key, newKey: frame.newKey };
    const result = await store.submit(op);
    if (!result.ok) {
      if (result.error === 'unavailable') storeState = 'down';
      counters.refused_writes++;
      log.count(`relay.refused.${result.error}`);
      return answerError(conn, frame.reqId, result.error, result.message, result.error === 'unavailable' ? 2000 : 0);
    }
    storeState = 'up';
    switch (result.kind) {
      case 'append':
        counters.pushes++;
        counters.envelopes += result.fresh.length;
        counters.duplicates += result.seqs.length - result.fresh.length;
        for (const e of result.fresh) counters.envelope_bytes += e.data.length;
        if (result.fresh.length > 0) fanOut.appended(frame.tag, result, `${config.nodeId}/${conn.id}`, rc);
        return send(conn, encodePushed(frame.reqId, frame.tag, result.state, result.seqs));
      case 'snapshot':
        counters.snapshots++;
        if (result.replaced) fanOut.snapshotted(frame.tag, result.state);
        return send(conn, encodeSnapshotStored(frame.reqId, frame.tag, result.state));
      case 'delete':
        counters.deletes++;
        if (result.logId !== null) fanOut.gone(frame.tag, result.logId);
        return send(conn, encodeDone(frame.reqId, frame.tag));
      case 'set-key':
        return send(conn, encodeDone(frame.reqId, frame.tag));
    }
  }

  /** Catches up live subscriptions that are behind the database (several nodes only). */
  async function checkHeads() {
    try {
      for (const hex of [...registry.topics()]) {
        const subscribers = registry.subscribersOf(hex);
        if (!subscribers) continue;
        const { room } = await store.engine.readPage(Buffer.from(hex, 'hex'), Number.MAX_SAFE_INTEGER, 1, 1);
        fanOut.checkHead(hex, room);
      }
    } catch (error) {
      storeState = 'down';
      log.error('head-check', error);
    }
  }

  /**
   * @param {RelayConnection} conn
   * @param {number} reqId
   * @param {ErrorName} error
   * @param {string} message
   * @param {number} [retryAfterMs]
   */
  function answerError(conn, reqId, error, message, retryAfterMs = 0) {
    send(conn, encodeError(reqId, error, message, retryAfterMs));
  }

  /**
   * Sends one frame; a connection that has left more than it may unread is cut off instead.
   * @param {RelayConnection} conn
   * @param {Buffer} frame
   */
  function send(conn, frame) {
    if (conn.closing || conn.socket.readyState !== WebSocket.OPEN) return;
    if (conn.socket.bufferedAmount > rc.maxBufferedBytes + rc.maxFrameBytes) return cut(conn);
    conn.socket.send(frame, { binary: true });
  }

  /**
   * Cuts off a client that does not read: a close frame naming why (it reaches the client if it
   * ever reads again), then the TCP connection a second later, which frees what was queued.
   * @param {RelayConnection} conn
   */
  function cut(conn) {
    if (conn.closing) return;
    close(conn, CLOSE_NOT_READING, 'not-reading');
    setTimeout(() => conn.socket.terminate(), 1_000).unref();
  }

  return {
    handleUpgrade(request, socket, head) {
      socket.on('error', () => log.count('relay.socket-error'));
      try {
        if (shuttingDown) return refuseUpgrade(socket, 503, 'relay.shutting-down', log);
        if (connections.size >= config.maxConnections) return refuseUpgrade(socket, 503, 'relay.capacity', log);
        const refusal = checkAdmission(request, { allowedOrigins: config.allowedOrigins, token: rc.token });
        if (refusal) return refuseUpgrade(socket, refusal.status, `relay.${refusal.reason}`, log);
        const ip = clientAddress(request, config.ipLimits.trustProxy);
        if (!ipLimits.mayConnect(ip)) return refuseUpgrade(socket, 429, 'relay.ip-connections', log);
        wss.handleUpgrade(request, socket, head, (ws) => guard('accept', null, () => accept(ws, ip)));
      } catch (error) {
        log.error('relay-upgrade', error);
        socket.destroy();
      }
    },
    health: () => {
      let queuedBytes = 0;
      for (const conn of connections) queuedBytes += conn.socket.bufferedAmount;
      return { connections: connections.size, rooms: registry.topicCount, queuedBytes, store: store.engine.name, storeState, backplane: backplane.state() };
    },
    counters: () => ({
      ...counters,
      commits: store.metrics.commits,
      committed_writes: store.metrics.committedOps,
      commit_seconds: store.metrics.commitSeconds,
      failed_commits: store.metrics.failedCommits,
    }),
    async close() {
      shuttingDown = true;
      clearInterval(sweeper);
      clearInterval(storeWatch);
      if (headCheck) clearInterval(headCheck);
      await shutdown();
      await backplane.close();
      await store.close();
      wss.close();
    },
  };
}

/** @param {RelayConfig} rc */
function encodeHelloLimits(rc) {
  return {
    maxFrameBytes: rc.maxFrameBytes,
    maxEnvelopeBytes: rc.maxEnvelopeBytes,
    maxBatch: rc.maxBatch,
    maxSnapshotBytes: rc.maxSnapshotBytes,
    roomQuotaBytes: rc.roomQuotaBytes,
    compactAfterEnvelopes: rc.compactAfterEnvelopes,
    compactAfterBytes: rc.compactAfterBytes,
    maxRoomsPerConnection: rc.maxRoomsPerConnection,
  };
}

