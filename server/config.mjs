// @ts-check
/**
 * The signaling server's configuration, read once from the environment at start.
 *
 * A mistake here is an operator's mistake, so it throws at once naming the variable
 * (STYLE.md: configuration errors throw). Secrets (SIGNAL_TOKEN, REDIS_URL) are never
 * echoed back in an error message, because start-up errors end up in journald.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { optional, readInteger } from './env.mjs';
import { readRelayConfig } from './relay/config.mjs';

/**
 * @typedef {object} Config
 * @property {string} host Interface to bind; loopback unless the operator says otherwise.
 * @property {number} port TCP port; 0 asks the OS for a free one.
 * @property {ReadonlySet<string> | null} allowedOrigins Lower-cased origins allowed to upgrade; null allows any.
 * @property {string | null} token Shared bearer token every client must present; null disables the check.
 * @property {string | null} redisUrl Redis backplane; null runs a single node.
 * @property {string} redisChannelPrefix Prefix of every Redis channel, so deployments can share a Redis.
 * @property {string} nodeId Tags this node's Redis messages so it can skip its own echo.
 * @property {number} maxFrameBytes Largest WebSocket message accepted, in bytes.
 * @property {number} maxTopicsPerConnection Rooms one connection may be subscribed to at once.
 * @property {number} maxTopicLength Longest room name accepted, in UTF-16 code units.
 * @property {number} rateLimitPerSecond Sustained messages per second per connection.
 * @property {number} rateLimitBurst Messages a connection may send at once before the rate applies.
 * @property {number} maxConnections Open WebSocket connections this node accepts in total.
 * @property {number} maxBufferedBytes Unsent bytes a receiver may queue before it is cut off as too slow.
 * @property {number} pingIntervalMs Interval of WebSocket pings; a connection silent for a whole interval is closed.
 * @property {number} logIntervalMs Interval at which counted events (drops, refusals, closes) are logged as one line.
 * @property {ReadonlySet<'signal' | 'relay'>} services What this process serves: the signaling server, the relay, or both.
 * @property {import('./ip-limits.mjs').IpLimitConfig} ipLimits Limits per client address, applied by each service.
 * @property {import('./relay/config.mjs').RelayConfig | null} relay The relay's settings, when it is served.
 */

/** Defaults, each with its reason. */
export const DEFAULTS = Object.freeze({
  // Never all interfaces by default: exposure is a deliberate act (DESIGN.md "Sync and confidentiality").
  host: '127.0.0.1',
  // The port y-webrtc's stock server uses, so existing client configs keep working.
  port: 4444,
  // A y-webrtc signaling message is an encrypted SDP offer/answer or ICE candidate: a few KiB at most.
  maxFrameBytes: 64 * 1024,
  // One room per open plan; a member rarely has more than a handful open at once.
  maxTopicsPerConnection: 100,
  // Our room names are base64/hex HKDF outputs (≤ 64 chars); stock clients may use longer readable names.
  maxTopicLength: 256,
  // A WebRTC handshake is an offer/answer plus a dozen ICE candidates per peer: well under 50/s.
  rateLimitPerSecond: 50,
  // On (re)connect y-webrtc sends one subscribe plus one announce per room at once (≤ 101 with 100 rooms).
  rateLimitBurst: 200,
  maxConnections: 10_000,
  // 64 maximum-sized frames queued for one receiver means it has stopped reading.
  maxBufferedBytes: 4 * 1024 * 1024,
  // The stock server's interval; lib0's client pings every 15 s at the application level as well.
  pingIntervalMs: 30_000,
  logIntervalMs: 60_000,
  redisChannelPrefix: 'y-webrtc-signal:',
});

/** Defaults of the per-address limits (config.ipLimits), each with its reason. */
export const IP_DEFAULTS = Object.freeze({
  // A council office puts hundreds of staff behind one address; each browser holds one or two
  // sockets per service. 64 leaves room for that and stops one host from holding thousands.
  maxConnectionsPerIp: 64,
  ipRatePerSecond: 500,
  ipRateBurst: 2_000,
  // Enough for a member re-seeding a large plan (a 16 MiB snapshot) at once, then 4 MiB/s.
  ipBytesPerSecond: 4 * 1024 * 1024,
  ipBytesBurst: 48 * 1024 * 1024,
  // What one address's clients may leave unread on this node, all its connections together.
  maxBufferedBytesPerIp: 16 * 1024 * 1024,
});


/**
 * Reads and validates the configuration.
 * @param {Record<string, string | undefined>} env the environment (process.env in production)
 * @returns {Readonly<Config>}
 * @throws {RangeError} naming the offending variable when a value is malformed
 */
export function readConfig(env) {
  const token = optional(env, 'SIGNAL_TOKEN');
  // Long enough that it cannot be guessed through the rate limiter; no whitespace so it survives a URL.
  if (token !== null && !/^\S{16,512}$/.test(token)) {
    throw new RangeError('SIGNAL_TOKEN must be 16 to 512 characters without whitespace');
  }
  const redisUrl = optional(env, 'REDIS_URL');
  if (redisUrl !== null && !isRedisUrl(redisUrl)) {
    throw new RangeError('REDIS_URL must be a redis:// or rediss:// URL');
  }
  const nodeId = optional(env, 'NODE_ID') ?? randomBytes(8).toString('hex');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(nodeId)) {
    throw new RangeError('NODE_ID must be 1 to 64 characters of A-Z a-z 0-9 _ . -');
  }
  const redisChannelPrefix = optional(env, 'REDIS_CHANNEL_PREFIX') ?? DEFAULTS.redisChannelPrefix;
  if (!/^[\x21-\x7e]{1,64}$/.test(redisChannelPrefix)) {
    throw new RangeError('REDIS_CHANNEL_PREFIX must be 1 to 64 printable ASCII characters');
  }
  const services = readServices(env);
  return Object.freeze({
    services,
    ipLimits: Object.freeze({
      maxConnectionsPerIp: readInteger(env, 'MAX_CONNECTIONS_PER_IP', IP_DEFAULTS.maxConnectionsPerIp, 1, 10_000_000),
      ipRatePerSecond: readInteger(env, 'IP_RATE_LIMIT_PER_SECOND', IP_DEFAULTS.ipRatePerSecond, 1, 10_000_000),
      ipRateBurst: readInteger(env, 'IP_RATE_LIMIT_BURST', IP_DEFAULTS.ipRateBurst, 1, 10_000_000),
      ipBytesPerSecond: readInteger(env, 'IP_BYTES_PER_SECOND', IP_DEFAULTS.ipBytesPerSecond, 1024, 1024 ** 4),
      ipBytesBurst: readInteger(env, 'IP_BYTES_BURST', IP_DEFAULTS.ipBytesBurst, 64 * 1024, 1024 ** 4),
      maxBufferedBytesPerIp: readInteger(env, 'MAX_BUFFERED_BYTES_PER_IP', IP_DEFAULTS.maxBufferedBytesPerIp, 64 * 1024, 1024 ** 4),
      trustProxy: readTrustProxy(env),
    }),
    relay: services.has('relay') ? readRelayConfig(env) : null,
    host: readHost(env),
    port: readInteger(env, 'PORT', DEFAULTS.port, 0, 65_535),
    allowedOrigins: readOrigins(env),
    token,
    redisUrl,
    redisChannelPrefix,
    nodeId,
    // 1 KiB floor: below that even a single SDP offer would not fit. 16 MiB ceiling: ws buffers whole messages.
    maxFrameBytes: readInteger(env, 'MAX_FRAME_BYTES', DEFAULTS.maxFrameBytes, 1024, 16 * 1024 * 1024),
    maxTopicsPerConnection: readInteger(env, 'MAX_TOPICS_PER_CONNECTION', DEFAULTS.maxTopicsPerConnection, 1, 100_000),
    maxTopicLength: readInteger(env, 'MAX_TOPIC_LENGTH', DEFAULTS.maxTopicLength, 1, 4096),
    rateLimitPerSecond: readInteger(env, 'RATE_LIMIT_PER_SECOND', DEFAULTS.rateLimitPerSecond, 1, 1_000_000),
    rateLimitBurst: readInteger(env, 'RATE_LIMIT_BURST', DEFAULTS.rateLimitBurst, 1, 1_000_000),
    maxConnections: readInteger(env, 'MAX_CONNECTIONS', DEFAULTS.maxConnections, 1, 10_000_000),
    maxBufferedBytes: readInteger(env, 'MAX_BUFFERED_BYTES', DEFAULTS.maxBufferedBytes, 64 * 1024, 1024 ** 3),
    pingIntervalMs: readInteger(env, 'PING_INTERVAL_MS', DEFAULTS.pingIntervalMs, 100, 3_600_000),
    logIntervalMs: readInteger(env, 'LOG_INTERVAL_MS', DEFAULTS.logIntervalMs, 100, 86_400_000),
  });
}

/**
 * SERVICES: `signal` (the default), `relay`, or both (`signal,relay`).
 * @param {Record<string, string | undefined>} env
 * @returns {ReadonlySet<'signal' | 'relay'>}
 */
function readServices(env) {
  const raw = optional(env, 'SERVICES') ?? 'signal';
  const names = raw.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0 || !names.every((name) => name === 'signal' || name === 'relay')) {
    throw new RangeError(`SERVICES must be signal, relay or signal,relay, got "${raw.slice(0, 64)}"`);
  }
  return new Set(/** @type {('signal' | 'relay')[]} */ (names));
}

/**
 * TRUST_PROXY: `loopback` (default), `none`, or a comma list of proxy addresses whose
 * X-Forwarded-For header names the real client.
 * @param {Record<string, string | undefined>} env
 * @returns {'loopback' | 'none' | ReadonlySet<string>}
 */
function readTrustProxy(env) {
  const raw = optional(env, 'TRUST_PROXY') ?? 'loopback';
  if (raw === 'loopback' || raw === 'none') return raw;
  const addresses = raw.split(',').map((a) => a.trim().toLowerCase()).filter(Boolean);
  if (addresses.length === 0 || !addresses.every((a) => isIP(a) !== 0)) {
    throw new RangeError('TRUST_PROXY must be loopback, none, or a comma list of IP addresses');
  }
  return new Set(addresses);
}

/** @param {Record<string, string | undefined>} env */
function readHost(env) {
  const host = optional(env, 'HOST') ?? DEFAULTS.host;
  if (isIP(host) === 0 && !/^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(host)) {
    throw new RangeError(`HOST must be an IP address or a host name, got "${host.slice(0, 64)}"`);
  }
  return host;
}

/**
 * ALLOWED_ORIGINS is a comma list of exact origins (scheme://host[:port], no path), e.g.
 * `chrome-extension://abcdefghijklmnopabcdefghijklmnop,https://plans.example.org`.
 * @param {Record<string, string | undefined>} env
 * @returns {ReadonlySet<string> | null}
 */
function readOrigins(env) {
  const raw = optional(env, 'ALLOWED_ORIGINS');
  if (raw === null) return null;
  const origins = new Set();
  for (const entry of raw.split(',')) {
    const origin = entry.trim().replace(/\/$/, '').toLowerCase();
    if (origin === '') continue;
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s?#]+$/.test(origin)) {
      throw new RangeError(`ALLOWED_ORIGINS entries must look like scheme://host[:port], got "${entry.trim().slice(0, 100)}"`);
    }
    origins.add(origin);
  }
  if (origins.size === 0) throw new RangeError('ALLOWED_ORIGINS is set but lists no origin');
  return origins;
}

/** @param {string} value */
function isRedisUrl(value) {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}
