/**
 * Passphrase encryption of a backup's content (WebCrypto only): a key derived from the passphrase
 * with PBKDF2-SHA-256 over a random salt, then AES-GCM with a 256-bit key and a random IV. AES-GCM
 * authenticates as well as encrypts, so a wrong passphrase and a changed file are both detected
 * (they cannot be told apart, by design). The file's unencrypted header is bound in as additional
 * authenticated data, so it cannot be edited either.
 */
import { decodeBase64, encodeBase64 } from './base64.ts';

/**
 * PBKDF2-HMAC-SHA-256 iterations for files we write: OWASP's Password Storage Cheat Sheet (2023)
 * recommends at least 600,000 for this hash.
 */
export const PBKDF2_ITERATIONS = 600_000;
/** A file asking for more is refused unread: deriving its key would freeze the page for minutes. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
/** 128-bit salt (NIST SP 800-132 asks for at least 128 bits). */
export const SALT_BYTES = 16;
/** 96-bit IV, the size AES-GCM is specified for (NIST SP 800-38D). */
export const IV_BYTES = 12;
/** AES-GCM appends a 128-bit authentication tag: shorter ciphertext cannot be ours. */
const TAG_BYTES = 16;

/** How a file's content was encrypted: stored unencrypted beside the ciphertext. */
export interface EncryptionHeader {
  kdf: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** Base64. */
  salt: string;
  cipher: 'AES-GCM';
  keyBits: 256;
  /** Base64. */
  iv: string;
}

/** Turns a passphrase into an AES-GCM key; swappable so tests can reuse one derivation. */
export type DeriveKey = (passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) => Promise<CryptoKey>;

const utf8 = new TextEncoder();

/**
 * The AES-GCM key for `passphrase`. The passphrase is NFC-normalised, so "é" typed as one character
 * or as e + accent gives the same key on every system.
 */
export const deriveBackupKey: DeriveKey = async (passphrase, salt, iterations) => {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
};

export interface EncryptOptions {
  /** Bound to the ciphertext: decrypting needs exactly the same bytes. */
  additionalData: Uint8Array<ArrayBuffer>;
  iterations?: number;
  random?: Pick<Crypto, 'getRandomValues'>;
  deriveKey?: DeriveKey;
}

/** Encrypts `plain` under `passphrase`; returns the header to store and the ciphertext (base64). */
export async function encryptContent(
  plain: Uint8Array<ArrayBuffer>,
  passphrase: string,
  options: EncryptOptions,
): Promise<{ header: EncryptionHeader; ciphertext: string }> {
  const random = options.random ?? globalThis.crypto;
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = random.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = random.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await (options.deriveKey ?? deriveBackupKey)(passphrase, salt, iterations);
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: options.additionalData }, key, plain);
  return {
    header: { kdf: 'PBKDF2', hash: 'SHA-256', iterations, salt: encodeBase64(salt), cipher: 'AES-GCM', keyBits: 256, iv: encodeBase64(iv) },
    ciphertext: encodeBase64(new Uint8Array(sealed)),
  };
}

/** A header and ciphertext checked for shape, ready to decrypt. */
export interface SealedContent {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

/**
 * The header and ciphertext as we write them, or null when anything differs (unknown algorithm,
 * wrong sizes, iterations out of range, bad base64). Never throws.
 */
export function readSealedContent(header: unknown, ciphertext: unknown): SealedContent | null {
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return null;
  const h = header as Record<string, unknown>;
  if (h.kdf !== 'PBKDF2' || h.hash !== 'SHA-256' || h.cipher !== 'AES-GCM' || h.keyBits !== 256) return null;
  const iterations = h.iterations;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations)) return null;
  if (iterations < PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) return null;
  const salt = decodeBase64(h.salt);
  const iv = decodeBase64(h.iv);
  const sealed = decodeBase64(ciphertext);
  if (salt?.length !== SALT_BYTES || iv?.length !== IV_BYTES || !sealed || sealed.length < TAG_BYTES) return null;
  return { iterations, salt, iv, ciphertext: sealed };
}

/**
 * The plain content, or null when the passphrase is wrong or the ciphertext, header or additional
 * data were changed (AES-GCM cannot tell which). Never throws.
 */
export async function decryptContent(
  sealed: SealedContent,
  passphrase: string,
  additionalData: Uint8Array<ArrayBuffer>,
  deriveKey: DeriveKey = deriveBackupKey,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const key = await deriveKey(passphrase, sealed.salt, sealed.iterations);
    const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData }, key, sealed.ciphertext);
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
