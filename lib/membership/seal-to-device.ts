/**
 * Sealing bytes to one device: an ephemeral X25519 key pair agrees a shared secret with the
 * device's agreement key; HKDF-SHA-256 (salt = ephemeral public ‖ recipient public, info = context)
 * makes an AES-256-GCM key; the context is also the additional data. So a sealed box opens only
 * with that device's private key and only for the purpose (context) it was sealed for.
 * Epoch secrets are always sealed this way, never wrapped under an older key: a removed device
 * that kept every old secret still learns nothing new.
 *
 * Format: version u8 (1) · ephemeral public (32) · iv (12) · AES-GCM ciphertext and tag.
 */
import type { DeviceIdentity } from './device-identity.ts';
import { buf, concat, utf8 } from './bytes.ts';

const VERSION = 1;
const HEADER = 1 + 32 + 12;
const TAG = 16;

export async function sealToDevice(agreementPublic: Uint8Array, plaintext: Uint8Array, context: string): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  if (agreementPublic.length !== 32) throw new RangeError('sealToDevice: an X25519 public key is 32 bytes');
  const ephemeral = (await subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair;
  const ephemeralPublic = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const peer = await subtle.importKey('raw', buf(agreementPublic), { name: 'X25519' }, false, []);
  const shared = new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: peer }, ephemeral.privateKey, 256));
  const key = await boxKey(shared, ephemeralPublic, agreementPublic, context);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: buf(utf8(context)) }, key, buf(plaintext)));
  return concat(Uint8Array.of(VERSION), ephemeralPublic, iv, ciphertext);
}

/** The plaintext, or null when the box is malformed, not for this device, tampered with, or sealed for another context. */
export async function openSealed(identity: DeviceIdentity, sealed: Uint8Array, context: string): Promise<Uint8Array | null> {
  if (!(sealed instanceof Uint8Array) || sealed.length < HEADER + TAG || sealed[0] !== VERSION) return null;
  const ephemeralPublic = sealed.slice(1, 33);
  const iv = sealed.slice(33, HEADER);
  try {
    const shared = await identity.agree(ephemeralPublic);
    const key = await boxKey(shared, ephemeralPublic, identity.agreementPublic, context);
    const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: buf(utf8(context)) }, key, buf(sealed.subarray(HEADER)));
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

async function boxKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array, context: string): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const ikm = await subtle.importKey('raw', buf(shared), 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: buf(concat(ephemeralPublic, recipientPublic)), info: buf(utf8(context)) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
