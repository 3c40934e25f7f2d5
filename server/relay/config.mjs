// @ts-check
/**
 * The relay's settings (read only when SERVICES includes `relay`). Shared settings (HOST, PORT,
 * ALLOWED_ORIGINS, REDIS_URL, NODE_ID, the per-address limits) are in ../config.mjs.
 */
import path from 'node:path';
import { optional, readInteger } from '../env.mjs';

/**
 * @typedef {object} RelayConfig
 * @property {{ kind: 'sqlite', dataDir: string } | { kind: 'postgres', url: string }} store
 * @property {string | null} token shared token clients present (as for SIGNAL_TOKEN); null disables the check
 * @property {string} redisChannelPrefix
 * @property {number} maxEnvelopeBytes
 * @property {number} maxBatch envelopes per push frame
 * @property {number} maxSnapshotBytes
 * @property {number} maxFrameBytes largest frame accepted: a maximum snapshot and its header
 * @property {number} roomQuotaBytes ciphertext one room may store (tail plus snapshot)
 * @property {number} compactAfterEnvelopes tail length past which clients are asked to compact
 * @property {number} compactAfterBytes tail size past which clients are asked to compact
 * @property {number} maxRoomsPerConnection live subscriptions one connection may hold
 * @property {number} rateLimitPerSecond frames per second one connection may send, sustained
 * @property {number} rateLimitBurst
 * @property {number} maxBufferedBytes bytes queued towards one connection before it is cut off as not reading
 * @property {number} liveHighWaterBytes above this much queued, live envelopes wait in the database instead of memory
 * @property {number} stallMs how long a connection may leave a catch-up page unread before it is cut off
 * @property {number} foldedRetentionMs how long ids of envelopes folded into a snapshot are kept, so late retries are recognised
 * @property {number} pageBytes catch-up page size
 */

export const RELAY_DEFAULTS = Object.freeze({
  dataDir: 'relay-data',
  redisChannelPrefix: 'core-group-relay:',
  // A Yjs update from typing is tens of bytes; a paste or an imported section can be large.
  maxEnvelopeBytes: 1024 * 1024,
  maxBatch: 1000,
  // A large plan with its saved versions is a few MB of Yjs state.
  maxSnapshotBytes: 16 * 1024 * 1024,
  roomQuotaBytes: 128 * 1024 * 1024,
  // secsync keeps 200–500 changes per snapshot.
  compactAfterEnvelopes: 300,
  compactAfterBytes: 1024 * 1024,
  // The background copy holds every shared plan of a member in one connection.
  maxRoomsPerConnection: 1000,
  rateLimitPerSecond: 200,
  rateLimitBurst: 1000,
  maxBufferedBytes: 8 * 1024 * 1024,
  liveHighWaterBytes: 1024 * 1024,
  stallMs: 30_000,
  foldedRetentionDays: 7,
  pageBytes: 256 * 1024,
});

/**
 * @param {Record<string, string | undefined>} env
 * @returns {Readonly<RelayConfig>}
 */
export function readRelayConfig(env) {
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    throw new RangeError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const token = optional(env, 'RELAY_TOKEN');
  if (token !== null && !/^\S{16,512}$/.test(token)) {
    throw new RangeError('RELAY_TOKEN must be 16 to 512 characters without whitespace');
  }
  const redisChannelPrefix = optional(env, 'RELAY_REDIS_CHANNEL_PREFIX') ?? RELAY_DEFAULTS.redisChannelPrefix;
  if (!/^[\x21-\x7e]{1,64}$/.test(redisChannelPrefix)) {
    throw new RangeError('RELAY_REDIS_CHANNEL_PREFIX must be 1 to 64 printable ASCII characters');
  }
  const d = RELAY_DEFAULTS;
  const maxSnapshotBytes = readInteger(env, 'RELAY_MAX_SNAPSHOT_BYTES', d.maxSnapshotBytes, 1024, 256 * 1024 * 1024);
  const maxEnvelopeBytes = readInteger(env, 'RELAY_MAX_ENVELOPE_BYTES', d.maxEnvelopeBytes, 256, maxSnapshotBytes);
  return Object.freeze({
    store: databaseUrl !== null
      ? /** @type {const} */ ({ kind: 'postgres', url: databaseUrl })
      : /** @type {const} */ ({ kind: 'sqlite', dataDir: path.resolve(optional(env, 'RELAY_DATA_DIR') ?? d.dataDir) }),
    token,
    redisChannelPrefix,
    maxEnvelopeBytes,
    maxBatch: readInteger(env, 'RELAY_MAX_BATCH', d.maxBatch, 1, 65_535),
    maxSnapshotBytes,
    // The snapshot frame's header is 1+4+32+32+16+16+8+4 bytes and its signature 64.
    maxFrameBytes: maxSnapshotBytes + 256,
    roomQuotaBytes: readInteger(env, 'RELAY_ROOM_QUOTA_BYTES', d.roomQuotaBytes, 4096, 2 ** 50),
    compactAfterEnvelopes: readInteger(env, 'RELAY_COMPACT_AFTER_ENVELOPES', d.compactAfterEnvelopes, 1, 1_000_000_000),
    compactAfterBytes: readInteger(env, 'RELAY_COMPACT_AFTER_BYTES', d.compactAfterBytes, 1, 2 ** 50),
    maxRoomsPerConnection: readInteger(env, 'RELAY_MAX_ROOMS_PER_CONNECTION', d.maxRoomsPerConnection, 1, 1_000_000),
    rateLimitPerSecond: readInteger(env, 'RELAY_RATE_LIMIT_PER_SECOND', d.rateLimitPerSecond, 1, 10_000_000),
    rateLimitBurst: readInteger(env, 'RELAY_RATE_LIMIT_BURST', d.rateLimitBurst, 1, 10_000_000),
    maxBufferedBytes: readInteger(env, 'RELAY_MAX_BUFFERED_BYTES', d.maxBufferedBytes, 64 * 1024, 1024 ** 3),
    liveHighWaterBytes: readInteger(env, 'RELAY_LIVE_HIGH_WATER_BYTES', d.liveHighWaterBytes, 1024, 1024 ** 3),
    stallMs: readInteger(env, 'RELAY_STALL_MS', d.stallMs, 100, 3_600_000),
    foldedRetentionMs: readInteger(env, 'RELAY_FOLDED_RETENTION_DAYS', d.foldedRetentionDays, 0, 3650) * 86_400_000,
    pageBytes: d.pageBytes,
  });
}
