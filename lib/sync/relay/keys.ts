/**
 * A shared plan's relay keys, derived one-way from the invite secret (PROTOCOL.md §3):
 * - the write key: an Ed25519 pair from a 32-byte seed (HKDF info `relay-write-key`); the relay
 *   registers its public key on a room's first write and accepts only frames it signed;
 * - the room tag: SHA-256 of a context and that public key, the room's only name on the relay
 *   (distinct from the signaling room name);
 * - the content key: AES-256-GCM (HKDF info `relay-content-key`), which the relay never sees.
 */
import { secretDeriver } from '../invite.ts';
import { fromHex } from './codec.ts';

const ROOM_TAG_CONTEXT = new TextEncoder().encode('core-group-plan relay room v1');
const SIGNATURE_CONTEXT = new TextEncoder().encode('core-group-plan relay signature v1');
const PKCS8_ED25519_PREFIX = fromHex('302e020100300506032b657004220420');

export interface RelayKeys {
  /** 32 bytes: the room's name on the relay. */
  readonly tag: Uint8Array;
  /** 32 bytes: the raw Ed25519 public key presented with every signed frame. */
  readonly publicKey: Uint8Array;
  /** Signs `body` for the connection whose HELLO carried `challenge`; returns body ‖ signature. */
  sign(body: Uint8Array, challenge: Uint8Array): Promise<Uint8Array>;
  /** AES-256-GCM, for sealing and opening envelopes (never leaves this device). */
  readonly contentKey: CryptoKey;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The write key, tag and signer from a 32-byte Ed25519 seed. */
export async function writeKeyFromSeed(seed: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle) {
  const pkcs8 = concat(PKCS8_ED25519_PREFIX, seed);
  const extractable = await subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: 'Ed25519' }, true, ['sign']);
  const jwk = await subtle.exportKey('jwk', extractable);
  const publicKey = Uint8Array.from(atob(jwk.x!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const privateKey = await subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: 'Ed25519' }, false, ['sign']);
  const tag = new Uint8Array(await subtle.digest('SHA-256', concat(ROOM_TAG_CONTEXT, publicKey) as BufferSource));
  const sign = async (body: Uint8Array, challenge: Uint8Array) =>
    concat(body, new Uint8Array(await subtle.sign({ name: 'Ed25519' }, privateKey, concat(SIGNATURE_CONTEXT, challenge, body) as BufferSource)));
  return { publicKey, tag, sign };
}

/** Derives a plan's relay keys from its invite secret. Throws on a malformed secret. */
export async function deriveRelayKeys(secret: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<RelayKeys> {
  const derive = await secretDeriver(secret, subtle);
  const [seed, content] = await Promise.all([derive('relay-write-key', 256), derive('relay-content-key', 256)]);
  const write = await writeKeyFromSeed(seed, subtle);
  const contentKey = await subtle.importKey('raw', content as BufferSource, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return { ...write, contentKey };
}

/** The seed `deriveRelayKeys` uses (for the protocol's test vector). */
export async function relayWriteSeed(secret: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Uint8Array> {
  return (await secretDeriver(secret, subtle))('relay-write-key', 256);
}

export { concat as concatBytes };
