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
  return Object.freeze({
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
 * A variable's trimmed value, or null when unset or blank (blank is how env files say "unset").
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 */
function optional(env, name) {
  const value = env[name]?.trim();
  return value ? value : null;
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
function readInteger(env, name, fallback, min, max) {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got "${raw.slice(0, 32)}"`);
  }
  return value;
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
