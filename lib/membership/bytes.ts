/**
 * Byte helpers for lib/membership: hex, base64url, UTF-8, concatenation, SHA-256. Small and
 * total: decoders return null on anything malformed (bytes from other devices are untrusted).
 */

/** A Uint8Array as WebCrypto's BufferSource (TypeScript's lib types are stricter than the API). */
export const buf = (bytes: Uint8Array): BufferSource => bytes as BufferSource;

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
/** UTF-8 text, or null when `bytes` are not valid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The bytes of a lower-case hex string of exactly `length` bytes, or null. */
export function fromHex(hex: unknown, length: number): Uint8Array | null {
  if (typeof hex !== 'string' || hex.length !== length * 2 || !/^[0-9a-f]*$/.test(hex)) return null;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of unpadded base64url text (at most `maxBytes`), or null. */
export function fromBase64Url(text: unknown, maxBytes = 1 << 20): Uint8Array | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  if (text.length > Math.ceil((maxBytes * 4) / 3)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function sha256(bytes: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', buf(bytes)));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
