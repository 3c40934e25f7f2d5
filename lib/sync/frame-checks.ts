/**
 * What a session signs and what it accepts (ARCHITECTURE.md, "Membership with keys"). One per
 * open plan, shared by its WebRTC connections and its relay sync:
 * - `sign(context, body)`: the body, prefixed with this session's progress (per-device counters,
 *   device-progress.ts), in a frame signed by this device for this session's nonce;
 * - `check(bytes, context)`: the frame read and, when the plan's membership is established,
 *   checked: the signer is a current device of the plan (a removed one is refused; one not known
 *   yet is 'unknown', for the caller to hold and retry when the membership changes), and the
 *   signature verifies over this room's context. An 'ok' names the clientID the signer's session
 *   may write live updates under (`author`), which the caller checks with `writtenOnlyBy`;
 *   catch-up content (sync step 2, relay snapshots and re-seeds) is vouched for by the signer.
 * Legacy plans (no genesis yet): frames are signed, the signer is not checked (there is no key to
 * check it with): today's behaviour. An untrusted membership (a genesis other than the pinned one)
 * accepts nothing.
 * Never throws.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { readSignedFrame, signFrame, toHexString, verifyFrame, type FrameSigner } from './signed-frame.ts';

/** The part of lib/membership's MembershipState the checks read. */
export interface MembershipView {
  kind: 'legacy' | 'established' | 'untrusted';
  devices: ReadonlyMap<string, { signingPublic: Uint8Array; removed?: { at: string; by: string } }>;
}

/** The crypto lib/membership provides (passed in, so the checks stay pure). */
export interface FrameCrypto {
  verifySignature(signingPublic: Uint8Array, bytes: Uint8Array, signature: Uint8Array): Promise<boolean>;
  clientIdFor(signingPublic: Uint8Array, nonce: Uint8Array): Promise<number>;
}

/** A session's own count of its edits and its clientID's clock (device-progress.ts). */
export interface Progress {
  edits: number;
  clock: number;
}

export type Checked =
  | {
      kind: 'ok';
      deviceId: string;
      nonce: Uint8Array;
      /** What was signed, without the progress prefix. */
      body: Uint8Array;
      progress: Progress;
      /** The only clientID the signer's session may write live updates under; null in a legacy plan. */
      author: number | null;
    }
  | { kind: 'unknown-signer'; deviceId: string }
  | { kind: 'refused'; reason: FrameRefusal };

export type FrameRefusal = 'malformed' | 'bad-signature' | 'removed' | 'untrusted';

export interface FrameAuth {
  readonly deviceId: string;
  sign(context: Uint8Array, body: Uint8Array): Promise<Uint8Array>;
  check(bytes: unknown, context: Uint8Array): Promise<Checked>;
  /** Whether frames from before signing (legacy relay envelopes) may be applied: a legacy plan only. */
  acceptsUnsigned(): boolean;
}

export interface FrameAuthOptions {
  identity: FrameSigner;
  /** This session's nonce (it names its clientID); it changes if the session moves to a spare one. */
  nonce: () => Uint8Array;
  crypto: FrameCrypto;
  /** The plan's membership now (re-read for every frame). */
  membership: () => MembershipView;
  /** This session's progress now. */
  progress: () => Progress;
}

export function createFrameAuth(options: FrameAuthOptions): FrameAuth {
  const { identity, crypto } = options;
  /** clientIdFor is a hash: remembered per signer session. */
  const authors = new Map<string, Promise<number>>();
  const authorOf = (signingPublic: Uint8Array, frameNonce: Uint8Array) => {
    const key = `${toHexString(signingPublic)}:${toHexString(frameNonce)}`;
    let found = authors.get(key);
    if (!found) {
      found = crypto.clientIdFor(signingPublic, frameNonce);
      if (authors.size > 1024) authors.clear();
      authors.set(key, found);
    }
    return found;
  };
  return {
    deviceId: identity.deviceId,
    sign(context, body) {
      return signFrame(identity, options.nonce(), context, withProgress(options.progress(), body));
    },
    acceptsUnsigned: () => options.membership().kind === 'legacy',
    async check(bytes, context) {
      const frame = readSignedFrame(bytes, context);
      if (!frame) return { kind: 'refused', reason: 'malformed' };
      const inner = withoutProgress(frame.payload);
      if (!inner) return { kind: 'refused', reason: 'malformed' };
      const membership = options.membership();
      const ok = (author: number | null): Checked => ({ kind: 'ok', deviceId: frame.deviceId, nonce: frame.nonce, body: inner.body, progress: inner.progress, author });
      if (membership.kind === 'legacy') return ok(null);
      if (membership.kind === 'untrusted') return { kind: 'refused', reason: 'untrusted' };
      const device = membership.devices.get(frame.deviceId);
      if (!device) return { kind: 'unknown-signer', deviceId: frame.deviceId };
      if (device.removed) return { kind: 'refused', reason: 'removed' };
      if (!(await verifyFrame(frame, device.signingPublic, crypto.verifySignature))) return { kind: 'refused', reason: 'bad-signature' };
      try {
        return ok(await authorOf(device.signingPublic, frame.nonce));
      } catch {
        return { kind: 'refused', reason: 'malformed' };
      }
    },
  };
}

/** Whether every struct of `update` is written under `author` (false for an update that does not parse). */
export function writtenOnlyBy(update: Uint8Array, author: number): boolean {
  try {
    for (const client of Y.parseUpdateMeta(update).from.keys()) if (client !== author) return false;
    return true;
  } catch {
    return false;
  }
}

/** The body of a frame this device signed itself (its outbox), unchecked; null when malformed. */
export function signedBody(bytes: Uint8Array): Uint8Array | null {
  const frame = readSignedFrame(bytes, new Uint8Array(0));
  return frame ? (withoutProgress(frame.payload)?.body ?? null) : null;
}

function withProgress(progress: Progress, body: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, progress.edits);
  encoding.writeVarUint(encoder, progress.clock);
  encoding.writeUint8Array(encoder, body);
  return encoding.toUint8Array(encoder);
}

function withoutProgress(payload: Uint8Array): { progress: Progress; body: Uint8Array } | null {
  try {
    const decoder = decoding.createDecoder(payload);
    const edits = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    if (!Number.isSafeInteger(edits) || !Number.isSafeInteger(clock)) return null;
    return { progress: { edits, clock }, body: payload.subarray(decoder.pos) };
  } catch {
    return null;
  }
}
