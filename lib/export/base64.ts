/**
 * Base64 for backup files: the document state and encryption parameters travel as text inside
 * JSON. Decoding is strict (standard alphabet, padded, nothing else), because a backup file is
 * untrusted input: anything that is not exactly what we write is reported, never half-read.
 */

/** Bytes per String.fromCharCode call: large arguments lists overflow the stack. */
const CHUNK = 0x8000;

/** Standard, padded base64 of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

// A plain character class (no repeated groups), so a 60 MB string is checked in one linear pass.
const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The bytes of standard, padded base64 text, or null when `text` is not a string of that form
 * (wrong alphabet, whitespace, bad length or padding). Never throws.
 */
export function decodeBase64(text: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64_TEXT.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // atob ignores stray bits in the last character; re-encoding catches text we would never write.
  return encodeBase64(bytes) === text ? bytes : null;
}
