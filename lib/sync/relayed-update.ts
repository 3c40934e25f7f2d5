/**
 * y-webrtc sends every change of the document to each peer as a live update (y-sync message
 * 'update'), including changes that reached us from elsewhere (another colleague, the relay, another
 * page). In a plan with membership, a live update may carry only its signer's own structs
 * (frame-checks.ts), so a relayed one goes as sync step 2 instead: catch-up content the signer
 * vouches for. The bytes of the update are unchanged; anything that is not a y-sync update message
 * is returned as it is.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** y-webrtc's outer message type for sync messages. */
const MESSAGE_SYNC = 0;

export function relabelRelayedUpdate(message: Uint8Array, isOwn: (update: Uint8Array) => boolean): Uint8Array {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== messageYjsUpdate) return message;
    const update = decoding.readVarUint8Array(decoder);
    if (isOwn(update)) return message;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  } catch {
    return message;
  }
}
