/**
 * The safety code a joining device and its admitter both show, to compare aloud or by QR: six
 * digits ("482 913") from SHA-256(token hash ‖ signing public ‖ agreement public). A device in the
 * middle that swapped in its own keys would show a different code on one side.
 */
import { concat, fromHex, sha256 } from './bytes.ts';

export async function safetyCode(tokenHash: string, signingPublic: Uint8Array, agreementPublic: Uint8Array): Promise<string> {
  const token = fromHex(tokenHash, 32);
  if (!token) throw new RangeError('safetyCode: the token hash is 64 hex characters');
  const digest = await sha256(concat(token, signingPublic, agreementPublic));
  const value = new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0) % 1_000_000n;
  const digits = value.toString().padStart(6, '0');
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}
