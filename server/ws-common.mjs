// @ts-check
/**
 * What both WebSocket services (signaling.mjs, relay/relay.mjs) do the same way at the edges:
 * refusing an upgrade with a bare HTTP status, naming the errors ws raises on bad input, and
 * reading a message's bytes.
 */
import { STATUS_CODES } from 'node:http';

/**
 * Refuses an upgrade with a bare HTTP status and hangs up; counted under `refused.<reason>`.
 * @param {import('node:stream').Duplex} socket
 * @param {number} status
 * @param {string} reason
 * @param {import('./log.mjs').Log} log
 */
export function refuseUpgrade(socket, status, reason, log) {
  log.count(`refused.${reason}`);
  if (!socket.writable) return void socket.destroy();
  const response = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
  socket.end(response, () => socket.destroy());
}

/** Close reasons for errors ws raises on a connection's input before closing it itself. */
const WS_ERROR_REASONS = /** @type {Record<string, string>} */ ({
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 'oversized',
  WS_ERR_INVALID_UTF8: 'invalid-utf8',
});

/**
 * The counted reason for an error ws reported on a connection.
 * @param {Error & { code?: string }} error
 */
export function wsErrorReason(error) {
  return WS_ERROR_REASONS[error.code ?? ''] ?? (error.code?.startsWith('WS_ERR_') ? 'protocol-error' : 'socket-error');
}

/**
 * A message's bytes as one Buffer.
 * @param {import('ws').RawData} data
 */
export function toBuffer(data) {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/**
 * @typedef {{ socket: import('ws').WebSocket, closing: boolean, alive: boolean }} LiveConnection
 */

/**
 * The life of a service's connections after the upgrade, the same for both services: closing one
 * with a code (counted under `<prefix>closed.<reason>`), cutting one at once, WebSocket pings that
 * drop connections silent for a whole interval, and closing them all on shutdown.
 * @template {LiveConnection} Conn
 * @param {{ connections: Set<Conn>, log: import('./log.mjs').Log, prefix: string, pingIntervalMs: number, forget: (conn: Conn) => void }} options
 * `forget` removes a closing connection from the service's rooms.
 */
export function createLifecycle({ connections, log, prefix, pingIntervalMs, forget }) {
  /**
   * Closes with a close frame; the client learns why from the code.
   * @param {Conn} conn
   * @param {number} code
   * @param {string} reason a constant, never input
   */
  function close(conn, code, reason) {
    if (conn.closing) return;
    conn.closing = true;
    log.count(`${prefix}closed.${reason}`);
    forget(conn);
    try {
      conn.socket.close(code, reason);
    } catch {
      conn.socket.terminate();
    }
  }

  /**
   * Drops the TCP connection at once, for peers that cannot take a close frame (dead or backlogged).
   * @param {Conn} conn
   * @param {string} reason
   */
  function terminate(conn, reason) {
    if (!conn.closing) log.count(`${prefix}closed.${reason}`);
    conn.closing = true;
    forget(conn);
    conn.socket.terminate();
  }

  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        terminate(conn, 'dead');
        continue;
      }
      conn.alive = false;
      try {
        conn.socket.ping();
      } catch (error) {
        log.error('ping', error);
        close(conn, 1011, 'internal-error');
      }
    }
  }, pingIntervalMs);

  return {
    close,
    terminate,
    /** Closes every connection (1001), gives clients a moment to answer, then cuts whoever did not. */
    async shutdown() {
      clearInterval(heartbeat);
      for (const conn of connections) close(conn, 1001, 'shutdown');
      const deadline = Date.now() + 1_000;
      while (connections.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const conn of connections) conn.socket.terminate();
    },
  };
}
