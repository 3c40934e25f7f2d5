/**
 * One signed entry of the membership log, as stored in the document:
 *   version u8 (1) · signer deviceId (16) · Ed25519 signature (64) · body (UTF-8 JSON)
 * signed over 'core-group-plan membership v1' ‖ body. Every body names its type, the plan id (so
 * an entry cannot be replayed into another plan) and a random id (so two honest entries never have
 * the same bytes, and a replayed copy is recognised as one).
 *
 * Decoding checks shape only; whether the signer may write it is the fold's business
 * (membership-fold.ts). Bytes from peers are untrusted: decoding never throws.
 */
import type { DeviceIdentity } from './device-identity.ts';
import type { MemberInfo } from './join-request.ts';
import { readMemberInfo } from './join-request.ts';
import { concat, fromBase64Url, fromHex, sha256, toBase64Url, toHex } from './bytes.ts';
import { decodeBody, encodeBody, instant, signedBytes, text, verifyBody } from './signed-json.ts';
import { PLAN_ID } from './welcome.ts';
import { CLIENT_NONCE_BYTES } from './client-id.ts';

const LABEL = 'core-group-plan membership v1';
const VERSION = 1;
const HEADER = 1 + 16 + 64;
/** An entry with sealed secrets for many devices is a few KB; anything far larger is not one. */
export const MAX_ENTRY_BYTES = 64 * 1024;
/** Sealed epoch secret: 1 + 32 + 12 + 32 + 16 bytes; a little room for a future format. */
const MAX_SEALED_BYTES = 256;
const MAX_DEVICES = 500;

export interface DeviceKeys {
  deviceId: string;
  signingPublic: Uint8Array;
  agreementPublic: Uint8Array;
}

export type EntryBody =
  | { type: 'genesis'; member: { memberId: string; info: MemberInfo }; device: DeviceKeys; sealed: Map<string, Uint8Array>; at: string }
  | { type: 'invite'; tokenHash: string; at: string }
  | {
      type: 'admit';
      tokenHash: string | null;
      member: { memberId: string; info: MemberInfo };
      device: DeviceKeys;
      epoch: number;
      sealed: Uint8Array;
      at: string;
    }
  | {
      type: 'remove';
      memberId?: string;
      deviceId?: string;
      at: string;
      reason?: string;
      epoch: number;
      seen: number;
      /**
       * The removed devices' entries the chair had when removing, as clientID → the clock after
       * the last one (Yjs ids): their entries the chair had not seen raced the removal and are dropped.
       */
      seenFrom?: [number, number][];
      sealed: Map<string, Uint8Array>;
    }
  | { type: 'rotate'; epoch: number; seen: number; sealed: Map<string, Uint8Array>; at: string }
  | { type: 'rekey'; epoch: number; sealed: Map<string, Uint8Array>; at: string }
  | { type: 'chair'; memberId: string; chair: boolean; at: string; /** As for remove, when a chair steps down. */ seenFrom?: [number, number][] }
  | { type: 'client'; clientId: number; nonce: Uint8Array; at: string };

export interface LogEntry {
  /** Hex SHA-256 of the whole stored element (the genesis hash, for a genesis). */
  hash: string;
  /** Hex SHA-256 of the signed body: a replayed copy has the same. */
  bodyHash: string;
  signer: string;
  planId: string;
  body: EntryBody;
  /** Checks the signature against the signer's key (cached per element). */
  verify(signingPublic: Uint8Array): Promise<boolean>;
}

/** The stored bytes of an entry signed by `identity`. */
export async function signEntry(identity: DeviceIdentity, planId: string, body: EntryBody): Promise<Uint8Array> {
  const json = encodeBody({ ...toJson(body), planId, id: toHex(globalThis.crypto.getRandomValues(new Uint8Array(8))) });
  const signature = await identity.sign(signedBytes(LABEL, json));
  const signer = fromHex(identity.deviceId, 16);
  if (!signer) throw new RangeError('signEntry: the identity has no valid deviceId');
  return concat(Uint8Array.of(VERSION), signer, signature, json);
}

const decoded = new WeakMap<Uint8Array, Promise<LogEntry | null>>();

/** The entry in one element of the log, or null when it is not a well-formed entry. Never throws. */
export function decodeEntry(element: unknown): Promise<LogEntry | null> {
  if (!(element instanceof Uint8Array)) return Promise.resolve(null);
  let entry = decoded.get(element);
  if (!entry) {
    entry = decode(element).catch(() => null);
    decoded.set(element, entry);
  }
  return entry;
}

async function decode(bytes: Uint8Array): Promise<LogEntry | null> {
  if (bytes.length <= HEADER || bytes.length > MAX_ENTRY_BYTES || bytes[0] !== VERSION) return null;
  const signer = toHex(bytes.subarray(1, 17));
  const signature = bytes.slice(17, HEADER);
  const json = bytes.slice(HEADER);
  const raw = decodeBody(json);
  if (!raw || typeof raw.planId !== 'string' || !PLAN_ID.test(raw.planId) || typeof raw.id !== 'string') return null;
  const body = fromJson(raw);
  if (!body) return null;
  const [hash, bodyHash] = await Promise.all([sha256(bytes), sha256(json)]);
  let verified: Promise<boolean> | null = null;
  let verifiedWith: Uint8Array | null = null;
  return {
    hash: toHex(hash),
    bodyHash: toHex(bodyHash),
    signer,
    planId: raw.planId,
    body,
    verify(signingPublic) {
      if (!verified || verifiedWith !== signingPublic) {
        verifiedWith = signingPublic;
        verified = verifyBody(LABEL, signingPublic, json, signature);
      }
      return verified;
    },
  };
}

function toJson(body: EntryBody): Record<string, unknown> {
  const sealedMap = (m: Map<string, Uint8Array>) => Object.fromEntries([...m].map(([k, v]) => [k, toBase64Url(v)]));
  const device = (d: DeviceKeys) => ({ deviceId: d.deviceId, signingPublic: toBase64Url(d.signingPublic), agreementPublic: toBase64Url(d.agreementPublic) });
  switch (body.type) {
    case 'genesis':
      return { ...body, device: device(body.device), sealed: sealedMap(body.sealed) };
    case 'admit':
      return { ...body, device: device(body.device), sealed: toBase64Url(body.sealed) };
    case 'remove':
    case 'rotate':
    case 'rekey':
      return { ...body, sealed: sealedMap(body.sealed) };
    case 'client':
      return { ...body, nonce: toBase64Url(body.nonce) };
    default:
      return { ...body };
  }
}

const isDeviceId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v);
const isMemberId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
const isEpoch = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTokenHash = (v: unknown): v is string => typeof v === 'string' && fromHex(v, 32) !== null;

function readDevice(value: unknown): DeviceKeys | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const signingPublic = fromBase64Url(v.signingPublic, 32);
  const agreementPublic = fromBase64Url(v.agreementPublic, 32);
  if (!isDeviceId(v.deviceId) || signingPublic?.length !== 32 || agreementPublic?.length !== 32) return null;
  return { deviceId: v.deviceId, signingPublic, agreementPublic };
}

function readMember(value: unknown): { memberId: string; info: MemberInfo } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const info = readMemberInfo(v.info);
  return isMemberId(v.memberId) && info ? { memberId: v.memberId, info } : null;
}

function readSealedMap(value: unknown): Map<string, Uint8Array> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_DEVICES) return null;
  const out = new Map<string, Uint8Array>();
  for (const [deviceId, sealed] of entries) {
    const bytes = fromBase64Url(sealed, MAX_SEALED_BYTES);
    if (!isDeviceId(deviceId) || !bytes) return null;
    out.set(deviceId, bytes);
  }
  return out;
}

/** [clientID, clock] pairs (safe non-negative integers), or null. */
function readClocks(value: unknown): [number, number][] | null {
  if (!Array.isArray(value) || value.length > 10_000) return null;
  const ok = value.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((n) => isEpoch(n)));
  return ok ? (value as [number, number][]) : null;
}

function fromJson(v: Record<string, unknown>): EntryBody | null {
  const at = instant(v.at);
  if (!at) return null;
  switch (v.type) {
    case 'genesis': {
      const member = readMember(v.member);
      const device = readDevice(v.device);
      const sealed = readSealedMap(v.sealed);
      return member && device && sealed ? { type: 'genesis', member, device, sealed, at } : null;
    }
    case 'invite':
      return isTokenHash(v.tokenHash) ? { type: 'invite', tokenHash: v.tokenHash, at } : null;
    case 'admit': {
      const member = readMember(v.member);
      const device = readDevice(v.device);
      const sealed = fromBase64Url(v.sealed, MAX_SEALED_BYTES);
      const tokenHash = v.tokenHash === null ? null : isTokenHash(v.tokenHash) ? v.tokenHash : undefined;
      if (!member || !device || !sealed || tokenHash === undefined || !isEpoch(v.epoch)) return null;
      return { type: 'admit', tokenHash, member, device, epoch: v.epoch, sealed, at };
    }
    case 'remove': {
      const sealed = readSealedMap(v.sealed);
      const memberId = v.memberId === undefined ? undefined : isMemberId(v.memberId) ? v.memberId : null;
      const deviceId = v.deviceId === undefined ? undefined : isDeviceId(v.deviceId) ? v.deviceId : null;
      const reason = v.reason === undefined ? undefined : text(v.reason, 500, true);
      if (!sealed || memberId === null || deviceId === null || reason === null || !isEpoch(v.epoch) || !isEpoch(v.seen)) return null;
      if ((memberId === undefined) === (deviceId === undefined)) return null;
      const seenFrom = v.seenFrom === undefined ? undefined : readClocks(v.seenFrom);
      if (seenFrom === null) return null;
      const target = memberId ? { memberId } : { deviceId };
      return { type: 'remove', ...target, at, ...(reason ? { reason } : {}), epoch: v.epoch, seen: v.seen, ...(seenFrom ? { seenFrom } : {}), sealed };
    }
    case 'rotate': {
      const sealed = readSealedMap(v.sealed);
      return sealed && isEpoch(v.epoch) && isEpoch(v.seen) ? { type: 'rotate', epoch: v.epoch, seen: v.seen, sealed, at } : null;
    }
    case 'rekey': {
      const sealed = readSealedMap(v.sealed);
      return sealed && isEpoch(v.epoch) ? { type: 'rekey', epoch: v.epoch, sealed, at } : null;
    }
    case 'chair': {
      const seenFrom = v.seenFrom === undefined ? undefined : readClocks(v.seenFrom);
      if (!isMemberId(v.memberId) || typeof v.chair !== 'boolean' || seenFrom === null) return null;
      return { type: 'chair', memberId: v.memberId, chair: v.chair, at, ...(seenFrom ? { seenFrom } : {}) };
    }
    case 'client': {
      const nonce = fromBase64Url(v.nonce, CLIENT_NONCE_BYTES);
      const ok = typeof v.clientId === 'number' && Number.isSafeInteger(v.clientId) && v.clientId >= 0 && nonce?.length === CLIENT_NONCE_BYTES;
      return ok ? { type: 'client', clientId: v.clientId as number, nonce: nonce!, at } : null;
    }
    default:
      return null;
  }
}
