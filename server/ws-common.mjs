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
