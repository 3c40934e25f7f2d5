// @ts-check
/**
 * Write authority. A room tag is self-certifying: it is the hash of the room's first write key,
 *
 *   tag = SHA-256( UTF-8("core-group-plan relay room v1") ‖ raw 32-byte Ed25519 public key )
 *
 * so the first write that presents a key hashing to the tag may register it, and nobody can squat
 * a room before its rightful owner. Every write frame is signed over
 *
 *   UTF-8("core-group-plan relay signature v1") ‖ the connection's 32-byte challenge ‖ the frame without its signature
 *
 * so a signature authorises exactly those bytes, on that one connection.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';

export const ROOM_TAG_CONTEXT = Buffer.from('core-group-plan relay room v1', 'utf8');
export const SIGNATURE_CONTEXT = Buffer.from('core-group-plan relay signature v1', 'utf8');
/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * The room tag a write key certifies.
 * @param {Uint8Array} publicKey raw 32 bytes
 */
export function roomTagOf(publicKey) {
  return createHash('sha256').update(ROOM_TAG_CONTEXT).update(publicKey).digest();
}

/** @type {Map<string, import('node:crypto').KeyObject>} */
const keyObjects = new Map();

/**
 * Whether `sig` is the key's Ed25519 signature of the frame `signed` on the connection with `challenge`.
 * Never throws: a key that is not a valid curve point simply fails.
 * @param {Buffer} key raw 32-byte public key
 * @param {Buffer} challenge
 * @param {Buffer} signed
 * @param {Buffer} sig
 */
export function verifyFrame(key, challenge, signed, sig) {
  try {
    const hex = key.toString('hex');
    let keyObject = keyObjects.get(hex);
    if (keyObject === undefined) {
      keyObject = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, key]), format: 'der', type: 'spki' });
      // A small cache: rooms a busy node writes to keep their parsed key; a flood of new keys cannot grow it.
      if (keyObjects.size >= 4096) keyObjects.clear();
      keyObjects.set(hex, keyObject);
    }
    return verify(null, Buffer.concat([SIGNATURE_CONTEXT, challenge, signed]), keyObject, sig);
  } catch {
    return false;
  }
}
