/**
 * Sealing for the relay (PROTOCOL.md §12.1): AES-256-GCM under the epoch's content key, a fresh
 * random 96-bit nonce for every envelope, and the room tag and the kind in the associated data, so
 * an envelope cannot be moved to another room or passed off as another kind without failing to open.
 * The plaintext is a signed frame (signed-frame.ts): who sent it is the frame's signer, checked by
 * frame-checks.ts once opened.
 *
 * Layout (format 2): `format u8` (2) · `kind u8` · `nonce` (12) · ciphertext ‖ GCM tag (16).
 * Kinds: 1 a live update (only its signer's session's structs), 2 a snapshot, 3 catch-up (a re-seed
 * or what the relay lacked: anyone's structs, vouched for by the signer).
 *
 * Format 1 (before membership): `format u8` (1) · `kind u8` · `sender u32` · `nonce` · ciphertext,
 * the plaintext a bare update. Still opened, as `legacy`, for relay rooms written before; a plan
 * with membership applies none (relay-sync.ts).
 */
import { concatBytes } from './keys.ts';

const FORMAT = 2;
const LEGACY_FORMAT = 1;
const HEADER_BYTES = 1 + 1;
const LEGACY_HEADER_BYTES = 1 + 1 + 4;
const NONCE_BYTES = 12;
const GCM_TAG_BYTES = 16;
const AD_CONTEXT = new TextEncoder().encode('core-group-plan relay envelope v1');

export type SealedKind = 'update' | 'snapshot' | 'catch-up';
const KIND_BYTE: Record<SealedKind, number> = { update: 1, snapshot: 2, 'catch-up': 3 };
const kindOf = (byte: number | undefined): SealedKind | null =>
  (Object.keys(KIND_BYTE) as SealedKind[]).find((k) => KIND_BYTE[k] === byte) ?? null;

export interface Opened {
  kind: SealedKind;
  /** The plaintext: a signed frame, or (legacy) a bare update. */
  plaintext: Uint8Array;
  /** Sealed before membership (format 1): a bare update from an unknown sender. */
  legacy: boolean;
}

export async function seal(key: CryptoKey, tag: Uint8Array, kind: SealedKind, plaintext: Uint8Array, random: Crypto = globalThis.crypto): Promise<Uint8Array> {
  const head = Uint8Array.of(FORMAT, KIND_BYTE[kind]);
  const nonce = random.getRandomValues(new Uint8Array(NONCE_BYTES));
  const ciphertext = await random.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: concatBytes(AD_CONTEXT, tag, head) as BufferSource }, key, plaintext as BufferSource);
  return concatBytes(head, nonce, new Uint8Array(ciphertext));
}

/** What `sealed` holds, or null when it does not open (tampered, another room, another key, not ours). */
export async function open(key: CryptoKey, tag: Uint8Array, sealed: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Opened | null> {
  const legacy = sealed[0] === LEGACY_FORMAT;
  if (!legacy && sealed[0] !== FORMAT) return null;
  const headerBytes = legacy ? LEGACY_HEADER_BYTES : HEADER_BYTES;
  if (sealed.length < headerBytes + NONCE_BYTES + GCM_TAG_BYTES) return null;
  const kind = kindOf(sealed[1]);
  if (!kind || (legacy && kind === 'catch-up')) return null;
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(headerBytes, headerBytes + NONCE_BYTES), additionalData: concatBytes(AD_CONTEXT, tag, sealed.subarray(0, headerBytes)) as BufferSource },
      key,
      sealed.slice(headerBytes + NONCE_BYTES) as BufferSource,
    );
    return { kind, plaintext: new Uint8Array(plain), legacy };
  } catch {
    return null;
  }
}
