import { describe, expect, it } from 'vitest';
import {
  IV_BYTES,
  MAX_PBKDF2_ITERATIONS,
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  decryptContent,
  encryptContent,
  readSealedContent,
} from '../../../lib/export/backup-crypto.ts';
import { decodeBase64, encodeBase64 } from '../../../lib/export/base64.ts';
import { memoisedDeriveKey } from './derive-key-memo.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const additionalData = utf8('header');
const deriveKey = memoisedDeriveKey();

async function seal(plain = 'Ava is safe', passphrase = 'correct horse battery') {
  return encryptContent(utf8(plain), passphrase, { additionalData, deriveKey });
}

describe('encryptContent', () => {
  it('records PBKDF2-SHA-256 with at least 600,000 iterations, a 16-byte salt and AES-GCM-256 with a 12-byte IV', async () => {
    const { header } = await seal();
    expect(header).toMatchObject({ kdf: 'PBKDF2', hash: 'SHA-256', cipher: 'AES-GCM', keyBits: 256, iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(decodeBase64(header.salt)).toHaveLength(SALT_BYTES);
    expect(decodeBase64(header.iv)).toHaveLength(IV_BYTES);
  });

  it('uses a fresh salt and IV every time, so the same content never encrypts the same way', async () => {
    const [a, b] = [await seal(), await seal()];
    expect(a.header.salt).not.toBe(b.header.salt);
    expect(a.header.iv).not.toBe(b.header.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('never contains the plain text', async () => {
    const { ciphertext } = await seal('Testington family');
    expect(new TextDecoder('latin1').decode(decodeBase64(ciphertext)!)).not.toContain('Testington');
  });
});

describe('decryptContent', () => {
  it('gives back the content with the right passphrase', async () => {
    const { header, ciphertext } = await seal('Ava is safe', 'é passphrase');
    const sealed = readSealedContent(header, ciphertext)!;
    // "é" typed as one character or as e + combining accent is the same passphrase.
    expect(new TextDecoder().decode((await decryptContent(sealed, 'e\u0301 passphrase', additionalData, deriveKey))!)).toBe('Ava is safe');
  });

  it('gives null for a wrong passphrase', async () => {
    const { header, ciphertext } = await seal();
    expect(await decryptContent(readSealedContent(header, ciphertext)!, 'wrong passphrase', additionalData, deriveKey)).toBeNull();
  });

  it('gives null when the header bound to the ciphertext was changed', async () => {
    const { header, ciphertext } = await seal();
    expect(await decryptContent(readSealedContent(header, ciphertext)!, 'correct horse battery', utf8('Header'), deriveKey)).toBeNull();
  });

  it('gives null when one bit of the ciphertext was changed', async () => {
    const { header, ciphertext } = await seal();
    const bytes = decodeBase64(ciphertext)!;
    bytes[3]! ^= 1;
    expect(await decryptContent(readSealedContent(header, encodeBase64(bytes))!, 'correct horse battery', additionalData, deriveKey)).toBeNull();
  });
});

describe('readSealedContent', () => {
  it.each([
    ['another key derivation', { kdf: 'scrypt' }],
    ['another hash', { hash: 'SHA-1' }],
    ['another cipher', { cipher: 'AES-CBC' }],
    ['a shorter key', { keyBits: 128 }],
    ['fewer iterations than we write', { iterations: PBKDF2_ITERATIONS - 1 }],
    ['so many iterations the page would freeze', { iterations: MAX_PBKDF2_ITERATIONS + 1 }],
    ['iterations that are not a whole number', { iterations: 600_000.5 }],
    ['iterations as text', { iterations: '600000' }],
    ['a short salt', { salt: encodeBase64(new Uint8Array(8)) }],
    ['a long IV', { iv: encodeBase64(new Uint8Array(16)) }],
    ['an IV that is not base64', { iv: '!!!!' }],
  ])('refuses a header with %s', async (_, change) => {
    const { header, ciphertext } = await seal();
    expect(readSealedContent({ ...header, ...change }, ciphertext)).toBeNull();
  });

  it.each([
    ['a header that is not an object', null, 'x'],
    ['a header that is a list', [], 'x'],
  ])('refuses %s', (_, header, ciphertext) => {
    expect(readSealedContent(header, ciphertext)).toBeNull();
  });

  it('refuses ciphertext shorter than the authentication tag', async () => {
    const { header } = await seal();
    expect(readSealedContent(header, encodeBase64(new Uint8Array(15)))).toBeNull();
  });
});
