/**
 * A lobby: where a joining device and the member who invited it meet, named by the invitation
 * token (never by the plan). It is a tiny Y.Doc synced like a plan (lobby-session.ts): the joiner
 * posts its signed join request under `requests` (deviceId → bytes); the inviter answers under
 * `welcomes` (deviceId → a welcome sealed to the joiner's key) or `declined` (deviceId → why).
 *
 * Everything in a lobby came from whoever holds the token, so it is untrusted: values of the wrong
 * type or size are ignored, a request is believed only once `readJoinRequest` checked its signature
 * (invitations.ts), and a welcome only once it opens with this device's key.
 */
import * as Y from 'yjs';

export const LOBBY_ORIGIN = Object.freeze({ source: 'lobby' });

/** Bounds on what a lobby entry may hold: a signed request and a sealed welcome are well under this. */
const MAX_ENTRY_BYTES = 8 * 1024;
/** Requests shown (and checked) at once: a token holder flooding the lobby cannot make more work. */
export const MAX_REQUESTS = 20;
const DEVICE_ID = /^[0-9a-f]{32}$/;

/** Why a request was not admitted: the inviter said no, or the invitation had been used by another device. */
export type DeclineReason = 'declined' | 'used';

export type JoinOutcome =
  | { kind: 'waiting' }
  | { kind: 'welcomed'; sealed: Uint8Array }
  | { kind: 'declined' }
  /** Another device was welcomed on this invitation: it works once. */
  | { kind: 'used' }
  /** The "lobby" holds a plan: the link was an invite from before invitations (the plan's own secret). */
  | { kind: 'old-link' };

const requestsOf = (doc: Y.Doc) => doc.getMap<unknown>('requests');
const welcomesOf = (doc: Y.Doc) => doc.getMap<unknown>('welcomes');
const declinedOf = (doc: Y.Doc) => doc.getMap<unknown>('declined');

const bytesOrNull = (value: unknown): Uint8Array | null =>
  value instanceof Uint8Array && value.length > 0 && value.length <= MAX_ENTRY_BYTES ? value : null;

/** Posts this device's signed request (again, if the lobby lost it or holds something else). */
export function postRequest(doc: Y.Doc, deviceId: string, request: Uint8Array): void {
  if (!DEVICE_ID.test(deviceId)) throw new RangeError('postRequest: not a device id');
  const held = bytesOrNull(requestsOf(doc).get(deviceId));
  if (held && sameBytes(held, request)) return;
  doc.transact(() => requestsOf(doc).set(deviceId, request), LOBBY_ORIGIN);
}

/** What the lobby says about this device's request. */
export function joinOutcome(doc: Y.Doc, deviceId: string): JoinOutcome {
  if (doc.getMap('meta').has('schemaVersion')) return { kind: 'old-link' };
  const sealed = bytesOrNull(welcomesOf(doc).get(deviceId));
  if (sealed) return { kind: 'welcomed', sealed };
  const declined = declinedOf(doc).get(deviceId);
  if (declined === 'used') return { kind: 'used' };
  if (declined === 'declined') return { kind: 'declined' };
  for (const [other, value] of welcomesOf(doc)) if (other !== deviceId && bytesOrNull(value)) return { kind: 'used' };
  return { kind: 'waiting' };
}

/** Requests nobody has answered yet, as posted (still to be checked), in device id order. */
export function unansweredRequests(doc: Y.Doc): { deviceId: string; bytes: Uint8Array }[] {
  const welcomes = welcomesOf(doc);
  const declined = declinedOf(doc);
  const out: { deviceId: string; bytes: Uint8Array }[] = [];
  for (const [deviceId, value] of requestsOf(doc)) {
    const bytes = bytesOrNull(value);
    if (!bytes || !DEVICE_ID.test(deviceId) || welcomes.has(deviceId) || declined.has(deviceId)) continue;
    out.push({ deviceId, bytes });
  }
  return out.sort((a, b) => a.deviceId.localeCompare(b.deviceId)).slice(0, MAX_REQUESTS);
}

/** True when some device has been welcomed here (the invitation is used). */
export function welcomedDevice(doc: Y.Doc): string | null {
  for (const [deviceId, value] of welcomesOf(doc)) if (bytesOrNull(value)) return deviceId;
  return null;
}

export function postWelcome(doc: Y.Doc, deviceId: string, sealed: Uint8Array): void {
  doc.transact(() => welcomesOf(doc).set(deviceId, sealed), LOBBY_ORIGIN);
}

export function postDecline(doc: Y.Doc, deviceId: string, reason: DeclineReason): void {
  doc.transact(() => declinedOf(doc).set(deviceId, reason), LOBBY_ORIGIN);
}

/** Calls `listener` after every change to the lobby (local or remote); returns the way to stop. */
export function watchLobby(doc: Y.Doc, listener: () => void): () => void {
  doc.on('update', listener);
  return () => doc.off('update', listener);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
