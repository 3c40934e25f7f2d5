/**
 * Invites. A plan is shared by a random 256-bit secret, passed between members through their own
 * secure channel as a link (the secret in its fragment, which browsers never send to a server) or
 * a QR code. Everything the network sees is derived from it with HKDF-SHA-256, one-way:
 * - the room name the signaling server routes by (an opaque hex string);
 * - the room password y-webrtc encrypts signaling (SDP offers and answers) with;
 * - the plan's id on a joining member's machine.
 * The signaling server never sees a family name, a plan id or the secret.
 */

/** 32 bytes: the invite secret's size (256 bits). */
const SECRET_BYTES = 32;
/** Versioned, so a future scheme derives different names and never collides with this one. */
const HKDF_SALT = new TextEncoder().encode('core-group-plan invite v1');

export interface RoomKeys {
  /** 64 hex characters: the topic the signaling server sees. */
  roomName: string;
  /** y-webrtc's room password (it derives an AES-GCM key from it). */
  password: string;
  /** 32 hex characters: the plan's local id for a member who joins. */
  planId: string;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A new invite secret, base64url (43 characters). */
export function createInviteSecret(random: Crypto = globalThis.crypto): string {
  return toBase64Url(random.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

/** The secret's bytes, or null when `secret` is not a well-formed invite secret. */
export function decodeSecret(secret: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  const binary = atob(secret.replace(/-/g, '+').replace(/_/g, '/') + '=');
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return bytes.length === SECRET_BYTES ? bytes : null;
}

/** The link a member sends: `<join page>#/join/<secret>`. */
export function inviteLink(joinPageUrl: string, secret: string): string {
  return `${joinPageUrl.replace(/#.*$/, '')}#/join/${secret}`;
}

/**
 * Finds the secret in what a member pasted: the whole link, or the secret alone, with stray spaces
 * or line breaks (links get wrapped in emails). Null when there is none.
 */
export function parseInvite(pasted: string): string | null {
  const compact = pasted.replace(/\s+/g, '');
  const fromLink = /#\/join\/([A-Za-z0-9_-]{43})$/.exec(compact)?.[1];
  const candidate = fromLink ?? compact;
  return decodeSecret(candidate) ? candidate : null;
}

/**
 * A deriver of named secrets from an invite secret (HKDF-SHA-256 with this scheme's salt): `info`
 * names what is derived. Throws on a malformed secret.
 */
export async function secretDeriver(secret: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<(info: string, bits: number) => Promise<Uint8Array>> {
  const bytes = decodeSecret(secret);
  if (!bytes) throw new RangeError('deriveRoomKeys: not an invite secret');
  const key = await subtle.importKey('raw', bytes as BufferSource, 'HKDF', false, ['deriveBits']);
  return async (info, bits) =>
    new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: new TextEncoder().encode(info) }, key, bits));
}

/** Derives the room name, room password and local plan id from a secret. Throws on a malformed secret. */
export async function deriveRoomKeys(secret: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<RoomKeys> {
  const derive = await secretDeriver(secret, subtle);
  const [room, password, planId] = await Promise.all([derive('room-name', 256), derive('room-password', 256), derive('plan-id', 128)]);
  return { roomName: toHex(room), password: toBase64Url(password), planId: toHex(planId) };
}
