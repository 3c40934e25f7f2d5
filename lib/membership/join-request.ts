/**
 * A joining device's request: who the person says they are, the device's public keys and the hash
 * of the invitation token it holds, self-signed by the device. Readers accept it only when it is
 * well-formed, its deviceId is the one its signing key names, and the signature verifies, so a
 * request tampered with on the way, or re-signed by another device, is refused.
 *
 * Format: version u8 (1) · signature (64) · body (UTF-8 JSON).
 */
import type { DeviceIdentity } from './device-identity.ts';
import { deviceIdOf } from './device-identity.ts';
import { concat, fromBase64Url, fromHex, sha256, toBase64Url, toHex, utf8 } from './bytes.ts';
import { decodeBody, encodeBody, instant, signedBytes, text, verifyBody } from './signed-json.ts';

export { sealWelcome, openWelcome, type Welcome } from './welcome.ts';

export interface MemberInfo {
  name: string;
  agency: string;
  role: string;
}

export interface JoinRequest {
  info: MemberInfo;
  deviceId: string;
  signingPublic: Uint8Array;
  agreementPublic: Uint8Array;
  tokenHash: string;
  at: string;
}

const LABEL = 'core-group-plan join request v1';
const VERSION = 1;
/** A request is a few hundred bytes; anything much larger is not one. */
export const MAX_JOIN_REQUEST_BYTES = 4096;
const MAX_FIELD = 200;

/** The member info, trimmed, or null when a field is missing, not text or too long (name required). */
export function readMemberInfo(value: unknown): MemberInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const name = text(v.name, MAX_FIELD);
  const agency = text(v.agency, MAX_FIELD, true);
  const role = text(v.role, MAX_FIELD, true);
  return name !== null && agency !== null && role !== null ? { name, agency, role } : null;
}

export async function makeJoinRequest(identity: DeviceIdentity, info: MemberInfo, tokenHash: string, now: Date): Promise<Uint8Array> {
  const checked = readMemberInfo(info);
  if (!checked) throw new RangeError('makeJoinRequest: the member info needs a name (and text of at most 200 characters)');
  if (!fromHex(tokenHash, 32)) throw new RangeError('makeJoinRequest: the token hash is 64 hex characters');
  const body = encodeBody({
    info: checked,
    deviceId: identity.deviceId,
    signingPublic: toBase64Url(identity.signingPublic),
    agreementPublic: toBase64Url(identity.agreementPublic),
    tokenHash,
    at: now.toISOString(),
  });
  const signature = await identity.sign(signedBytes(LABEL, body));
  return concat(Uint8Array.of(VERSION), signature, body);
}

export async function readJoinRequest(bytes: Uint8Array): Promise<JoinRequest | null> {
  if (!(bytes instanceof Uint8Array) || bytes.length < 66 || bytes.length > MAX_JOIN_REQUEST_BYTES || bytes[0] !== VERSION) return null;
  const signature = bytes.slice(1, 65);
  const body = bytes.slice(65);
  const v = decodeBody(body);
  if (!v) return null;
  const info = readMemberInfo(v.info);
  const signingPublic = fromBase64Url(v.signingPublic, 32);
  const agreementPublic = fromBase64Url(v.agreementPublic, 32);
  const at = instant(v.at);
  if (!info || !signingPublic || signingPublic.length !== 32 || !agreementPublic || agreementPublic.length !== 32 || !at) return null;
  if (typeof v.tokenHash !== 'string' || !fromHex(v.tokenHash, 32)) return null;
  if (typeof v.deviceId !== 'string' || v.deviceId !== (await deviceIdOf(signingPublic))) return null;
  if (!(await verifyBody(LABEL, signingPublic, body, signature))) return null;
  return { info, deviceId: v.deviceId, signingPublic, agreementPublic, tokenHash: v.tokenHash, at };
}

/** Hex SHA-256 of the token's bytes (of its text when it is not base64url). The log stores only this. */
export async function tokenHashOf(token: string): Promise<string> {
  const decoded = /^[A-Za-z0-9_-]{43}$/.test(token) ? fromBase64Url(token, 32) : null;
  return toHex(await sha256(decoded ?? utf8(token)));
}
