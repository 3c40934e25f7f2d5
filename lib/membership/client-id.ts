/**
 * A session's Yjs clientID, bound to its device: 53 bits of SHA-256("core-group-plan client v1" ‖
 * signingPublic ‖ nonce(8)). Anyone holding the device's public key and the nonce can check a
 * claim; another device finding a nonce that gives a chosen clientID costs about 2^53 hashes.
 * Yjs handles 53-bit clientIDs (safe integers) in sync, merge, snapshots and V2 encoding.
 */
import { concat, sha256, utf8 } from './bytes.ts';

const LABEL = utf8('core-group-plan client v1');
export const CLIENT_NONCE_BYTES = 8;

export async function clientIdFor(signingPublic: Uint8Array, nonce: Uint8Array): Promise<number> {
  if (nonce.length !== CLIENT_NONCE_BYTES) throw new RangeError('clientIdFor: the nonce is 8 bytes');
  const digest = await sha256(concat(LABEL, signingPublic, nonce));
  // 5 bits of the first byte, then 6 whole bytes: 53 bits, exactly representable.
  let id = digest[0]! & 0x1f;
  for (let i = 1; i < 7; i++) id = id * 256 + digest[i]!;
  return id;
}

/** A fresh random nonce for a new session. */
export const newClientNonce = (): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(CLIENT_NONCE_BYTES));
