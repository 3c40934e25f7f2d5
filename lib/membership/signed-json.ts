/**
 * Signed JSON bodies, shared by join requests and membership log entries: the body is UTF-8 JSON
 * written by this code (so its bytes are what was signed: nobody re-serialises before verifying),
 * signed with Ed25519 over a purpose label ‖ body, so a signature made for one purpose never
 * verifies for another.
 */
import { concat, fromUtf8, utf8 } from './bytes.ts';
import { verifySignature } from './device-identity.ts';

export const signedBytes = (label: string, body: Uint8Array): Uint8Array => concat(utf8(`${label}\u0000`), body);

export function encodeBody(value: unknown): Uint8Array {
  return utf8(JSON.stringify(value));
}

/** The JSON object in `bytes`, or null when they are not UTF-8 JSON of an object. */
export function decodeBody(bytes: Uint8Array): Record<string, unknown> | null {
  const text = fromUtf8(bytes);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function verifyBody(label: string, signingPublic: Uint8Array, body: Uint8Array, signature: Uint8Array): Promise<boolean> {
  return verifySignature(signingPublic, signedBytes(label, body), signature);
}

/** A trimmed string of at most `max` characters, or null. */
export function text(value: unknown, max: number, allowEmpty = false): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed.length > max || (!allowEmpty && trimmed === '')) return null;
  return trimmed;
}

/** An ISO date-time string (as `Date.toISOString` writes), or null. */
export function instant(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}
