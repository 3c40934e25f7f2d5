/**
 * Sealing Yjs updates for the relay (PROTOCOL.md §12.1): AES-256-GCM under the plan's content key,
 * a fresh random 96-bit nonce for every envelope, and the room tag, the kind (update or snapshot)
 * and the sender in the associated data, so an envelope cannot be moved to another room, passed off
 * as a snapshot, or credited to another sender without failing to open.
 *
 * Layout: `format u8` (1) · `kind u8` · `sender u32` · `nonce` (12) · ciphertext ‖ GCM tag (16).
 */
import { concatBytes } from './keys.ts';

const FORMAT = 1;
const HEADER_BYTES = 1 + 1 + 4;
const NONCE_BYTES = 12;
const GCM_TAG_BYTES = 16;
const AD_CONTEXT = new TextEncoder().encode('core-group-plan relay envelope v1');

export type SealedKind = 'update' | 'snapshot';
const KIND_BYTE: Record<SealedKind, number> = { update: 1, snapshot: 2 };

export interface Opened {
  kind: SealedKind;
  /** Who sealed it: the sending document's client id. */
  sender: number;
  update: Uint8Array;
}

function header(kind: SealedKind, sender: number): Uint8Array {
  const h = new Uint8Array(HEADER_BYTES);
  const view = new DataView(h.buffer);
  view.setUint8(0, FORMAT);
  view.setUint8(1, KIND_BYTE[kind]);
  view.setUint32(2, sender >>> 0);
  return h;
}

export async function seal(key: CryptoKey, tag: Uint8Array, kind: SealedKind, sender: number, plaintext: Uint8Array, random: Crypto = globalThis.crypto): Promise<Uint8Array> {
  const head = header(kind, sender);
  const nonce = random.getRandomValues(new Uint8Array(NONCE_BYTES));
  const ciphertext = await random.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: concatBytes(AD_CONTEXT, tag, head) as BufferSource }, key, plaintext as BufferSource);
  return concatBytes(head, nonce, new Uint8Array(ciphertext));
}

/** The update inside `sealed`, or null when it does not open (tampered, another room, another key, not ours). */
export async function open(key: CryptoKey, tag: Uint8Array, sealed: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Opened | null> {
  if (sealed.length < HEADER_BYTES + NONCE_BYTES + GCM_TAG_BYTES || sealed[0] !== FORMAT) return null;
  const kind = sealed[1] === KIND_BYTE.update ? 'update' : sealed[1] === KIND_BYTE.snapshot ? 'snapshot' : null;
  if (!kind) return null;
  const head = sealed.subarray(0, HEADER_BYTES);
  const sender = new DataView(sealed.buffer, sealed.byteOffset).getUint32(2);
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES), additionalData: concatBytes(AD_CONTEXT, tag, head) as BufferSource },
      key,
      sealed.slice(HEADER_BYTES + NONCE_BYTES) as BufferSource,
    );
    return { kind, sender, update: new Uint8Array(plain) };
  } catch {
    return null;
  }
}
