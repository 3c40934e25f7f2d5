// @ts-check
/**
 * Limits per client address, shared by every connection from it (both servers use them):
 *
 * - a connection cap, checked at the upgrade (HTTP 429 past it);
 * - token buckets for frames and for bytes received, so opening more connections does not buy a
 *   larger allowance (the per-connection bucket in rate-limit.mjs still applies as well);
 * - a budget for bytes queued towards the address's connections that they have not read: past it,
 *   the connection being written to is cut off, so clients that do not read cannot make the
 *   server hold their messages in memory, however many sockets they open.
 *
 * Behind a reverse proxy every connection comes from the proxy, so the client's address is taken
 * from the last entry of `X-Forwarded-For` — only when the direct peer is a trusted proxy
 * (loopback by default: the proxy on the same machine that the deployment guide describes).
 */
import { TokenBucket } from './rate-limit.mjs';

/**
 * @typedef {object} IpLimitConfig
 * @property {number} maxConnectionsPerIp
 * @property {number} ipRatePerSecond frames per second across all of one address's connections
 * @property {number} ipRateBurst
 * @property {number} ipBytesPerSecond bytes received per second across them
 * @property {number} ipBytesBurst
 * @property {number} maxBufferedBytesPerIp bytes queued towards them, unread, before the one written to is cut off
 * @property {'loopback' | 'none' | ReadonlySet<string>} trustProxy whose X-Forwarded-For to believe
 */

/**
 * @template Conn
 * @typedef {{ conns: Set<Conn>, frames: TokenBucket, bytes: TokenBucket }} Entry
 */

/** @template Conn */
export class IpLimits {
  /**
   * @param {IpLimitConfig} config
   * @param {(conn: Conn) => number} bufferedOf bytes queued towards a connection
   */
  constructor(config, bufferedOf) {
    /** @private */ this.config = config;
    /** @private */ this.bufferedOf = bufferedOf;
    /** @private @type {Map<string, Entry<Conn>>} */
    this.entries = new Map();
  }

  /**
   * Whether one more connection from `ip` may open.
   * @param {string} ip
   */
  mayConnect(ip) {
    return (this.entries.get(ip)?.conns.size ?? 0) < this.config.maxConnectionsPerIp;
  }

  /**
   * @param {string} ip
   * @param {Conn} conn
   * @param {number} now milliseconds, monotonic
   */
  add(ip, conn, now) {
    let entry = this.entries.get(ip);
    if (entry === undefined) {
      const c = this.config;
      entry = {
        conns: new Set(),
        frames: new TokenBucket({ ratePerSecond: c.ipRatePerSecond, burst: c.ipRateBurst }, now),
        bytes: new TokenBucket({ ratePerSecond: c.ipBytesPerSecond, burst: c.ipBytesBurst }, now),
      };
      this.entries.set(ip, entry);
    }
    entry.conns.add(conn);
  }

  /**
   * @param {string} ip
   * @param {Conn} conn
   */
  remove(ip, conn) {
    const entry = this.entries.get(ip);
    if (!entry) return;
    entry.conns.delete(conn);
    if (entry.conns.size === 0) this.entries.delete(ip);
  }

  /**
   * Charges one frame of `bytes` to the address.
   * @param {string} ip
   * @param {number} bytes
   * @param {number} now
   * @returns {{ verdict: 'pass' | 'drop' | 'close', retryAfterMs: number }}
   */
  take(ip, bytes, now) {
    const entry = this.entries.get(ip);
    if (!entry) return { verdict: 'pass', retryAfterMs: 0 };
    const frames = entry.frames.take(now);
    const volume = entry.bytes.take(now, bytes);
    const verdict = frames === 'close' || volume === 'close' ? 'close' : frames === 'drop' || volume === 'drop' ? 'drop' : 'pass';
    return { verdict, retryAfterMs: Math.max(entry.frames.retryAfterMs(), entry.bytes.retryAfterMs()) };
  }

  /**
   * Whether the address's connections together have more queued towards them than allowed.
   * @param {string} ip
   */
  overBuffered(ip) {
    const entry = this.entries.get(ip);
    if (!entry) return false;
    let total = 0;
    for (const conn of entry.conns) {
      total += this.bufferedOf(conn);
      if (total > this.config.maxBufferedBytesPerIp) return true;
    }
    return false;
  }

  /** How many addresses have a connection open. */
  get addressCount() {
    return this.entries.size;
  }
}

/**
 * The client's address for per-address limits.
 * @param {import('node:http').IncomingMessage} request
 * @param {IpLimitConfig['trustProxy']} trustProxy
 */
export function clientAddress(request, trustProxy) {
  const peer = normalise(request.socket.remoteAddress ?? 'unknown');
  const forwarded = request.headers['x-forwarded-for'];
  if (typeof forwarded !== 'string' || !isTrusted(peer, trustProxy)) return peer;
  const last = forwarded.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last && last.length <= 64 ? normalise(last) : peer;
}

/** @param {string} address */
function normalise(address) {
  return address.startsWith('::ffff:') ? address.slice(7) : address.toLowerCase();
}

/**
 * @param {string} peer
 * @param {IpLimitConfig['trustProxy']} trustProxy
 */
function isTrusted(peer, trustProxy) {
  if (trustProxy === 'none') return false;
  if (trustProxy === 'loopback') return peer === '::1' || peer.startsWith('127.');
  return trustProxy.has(peer);
}
