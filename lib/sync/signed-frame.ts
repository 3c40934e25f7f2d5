/**
 * Signed frames: every byte this device sends to colleagues (each y-webrtc message, each relay
 * envelope's plaintext) is wrapped in one, signed with the device's Ed25519 key (lib/membership).
 *
 * Layout: `version u8` (1) · `deviceId` (16) · `nonce` (8) · `signature` (64) · `payload`.
 * The signature covers `"core-group-plan signed frame v1" ‖ u8 length of the room context ‖ room
 * context ‖ version ‖ deviceId ‖ nonce ‖ payload`. The room context is the epoch's WebRTC room name
 * or relay tag, so a frame cannot be replayed into another room or epoch; the header is covered
 * too, so nobody can move a frame to another session's nonce (the nonce names the session's
 * clientID, lib/membership/client-id.ts).
 *
 * Pure encoding, signing and verifying; what a frame must satisfy to be applied is
 * frame-checks.ts's business.
 */

export const FRAME_VERSION = 1;
export const DEVICE_ID_BYTES = 16;
export const NONCE_BYTES = 8;
export const SIGNATURE_BYTES = 64;
export const FRAME_HEADER_BYTES = 1 + DEVICE_ID_BYTES + NONCE_BYTES + SIGNATURE_BYTES;

const SIGNATURE_CONTEXT = new TextEncoder().encode('core-group-plan signed frame v1');

/** What signing needs of a device identity (lib/membership's DeviceIdentity has it). */
export interface FrameSigner {
  readonly deviceId: string;
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

export interface SignedFrame {
  /** 32 hex characters. */
  deviceId: string;
  nonce: Uint8Array;
  signature: Uint8Array;
  payload: Uint8Array;
  /** The bytes the signature covers (for verifying). */
  signed: Uint8Array;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function deviceIdBytes(deviceId: string): Uint8Array {
  if (!/^[0-9a-f]{32}$/.test(deviceId)) throw new RangeError('signed frame: not a device id');
  return Uint8Array.from({ length: DEVICE_ID_BYTES }, (_, i) => parseInt(deviceId.slice(i * 2, i * 2 + 2), 16));
}

/** The bytes a frame's signature covers. */
function signedBytes(context: Uint8Array, header: Uint8Array, payload: Uint8Array): Uint8Array {
  if (context.length > 255) throw new RangeError('signed frame: room context too long');
  const out = new Uint8Array(SIGNATURE_CONTEXT.length + 1 + context.length + header.length + payload.length);
  let at = 0;
  for (const part of [SIGNATURE_CONTEXT, Uint8Array.of(context.length), context, header, payload]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The room context of a WebRTC room (its name) or a relay room (its tag), as bytes. */
export function roomContext(room: string | Uint8Array): Uint8Array {
  return typeof room === 'string' ? new TextEncoder().encode(room) : room;
}

/** Wraps `payload` in a frame signed by `signer` for the session `nonce`, in the room `context`. */
export async function signFrame(signer: FrameSigner, nonce: Uint8Array, context: Uint8Array, payload: Uint8Array): Promise<Uint8Array> {
  if (nonce.length !== NONCE_BYTES) throw new RangeError('signed frame: nonce must be 8 bytes');
  const header = new Uint8Array(1 + DEVICE_ID_BYTES + NONCE_BYTES);
  header[0] = FRAME_VERSION;
  header.set(deviceIdBytes(signer.deviceId), 1);
  header.set(nonce, 1 + DEVICE_ID_BYTES);
  const signature = await signer.sign(signedBytes(context, header, payload));
  if (signature.length !== SIGNATURE_BYTES) throw new RangeError('signed frame: signature must be 64 bytes');
  const frame = new Uint8Array(FRAME_HEADER_BYTES + payload.length);
  frame.set(header, 0);
  frame.set(signature, header.length);
  frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

/** The parts of a frame, or null when it is not one (never throws). Nothing is verified yet. */
export function readSignedFrame(bytes: unknown, context: Uint8Array): SignedFrame | null {
  if (!(bytes instanceof Uint8Array) || bytes.length < FRAME_HEADER_BYTES || bytes[0] !== FRAME_VERSION || context.length > 255) return null;
  const header = bytes.subarray(0, 1 + DEVICE_ID_BYTES + NONCE_BYTES);
  const payload = bytes.subarray(FRAME_HEADER_BYTES);
  return {
    deviceId: hex(bytes.subarray(1, 1 + DEVICE_ID_BYTES)),
    nonce: bytes.slice(1 + DEVICE_ID_BYTES, 1 + DEVICE_ID_BYTES + NONCE_BYTES),
    signature: bytes.slice(header.length, FRAME_HEADER_BYTES),
    payload,
    signed: signedBytes(context, header, payload),
  };
}

/** Whether `frame` is signed by the key `signingPublic` (lib/membership's verifySignature passed in). */
export function verifyFrame(
  frame: SignedFrame,
  signingPublic: Uint8Array,
  verify: (signingPublic: Uint8Array, bytes: Uint8Array, signature: Uint8Array) => Promise<boolean>,
): Promise<boolean> {
  return verify(signingPublic, frame.signed, frame.signature).catch(() => false);
}

export { hex as toHexString };
