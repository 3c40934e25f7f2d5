/**
 * Keeps copies of one plan open in several pages of this browser (the side panel and a tab) live
 * with each other over a BroadcastChannel. Pages of one extension share an origin, so the channel
 * never leaves this browser profile; peers on other machines are y-webrtc's job.
 *
 * Protocol: a page that opens says `hello` with its state vector; every other page answers with
 * the updates the newcomer lacks and its own state vector (`welcome`), which the newcomer answers
 * likewise. After that, every local update is broadcast as it happens. What arrives goes through
 * the plan's update guard, like every other remote update.
 */
import * as Y from 'yjs';
import { diffForStateVector } from './guard/well-formed.ts';
import type { UpdateGuard } from './guard/update-guard.ts';
import { PEER_LIMITS, PeerRateLimit } from './guard/token-bucket.ts';

type Message =
  | { kind: 'hello'; from: string; stateVector: Uint8Array }
  | { kind: 'welcome'; from: string; to: string; stateVector: Uint8Array; update: Uint8Array }
  | { kind: 'catch-up'; from: string; to: string; update: Uint8Array }
  | { kind: 'update'; from: string; update: Uint8Array };

export interface LocalChannel {
  destroy(): void;
}

export function connectLocalChannel(
  doc: Y.Doc,
  channelName: string,
  guard: UpdateGuard,
  createChannel: (name: string) => BroadcastChannel = (name) => new BroadcastChannel(name),
): LocalChannel {
  const channel = createChannel(channelName);
  const self = `${doc.clientID}-${Math.random().toString(36).slice(2)}`;
  const origin = { source: 'local-channel', channelName };

  const limit = new PeerRateLimit(PEER_LIMITS.updates, () => Date.now());
  // A malformed update from another page of ours is a bug there; this copy stays as it was.
  const apply = (from: unknown, update: unknown) => {
    if (typeof from !== 'string' || !limit.allow(from)) return;
    if (update instanceof Uint8Array && update.length > 0) guard.applyRemoteUpdate(update, origin);
  };

  const onMessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (typeof message !== 'object' || message === null) return;
    switch (message.kind) {
      case 'hello': {
        if (message.from === self || !(message.stateVector instanceof Uint8Array)) return;
        const update = diffForStateVector(doc, message.stateVector);
        if (!update) return;
        channel.postMessage({ kind: 'welcome', from: self, to: message.from, stateVector: Y.encodeStateVector(doc), update } satisfies Message);
        return;
      }
      case 'welcome': {
        if (message.to !== self || !(message.stateVector instanceof Uint8Array)) return;
        apply(message.from, message.update);
        const update = diffForStateVector(doc, message.stateVector);
        if (update) channel.postMessage({ kind: 'catch-up', from: self, to: message.from, update } satisfies Message);
        return;
      }
      case 'catch-up':
        if (message.to === self) apply(message.from, message.update);
        return;
      case 'update':
        if (message.from !== self) apply(message.from, message.update);
        return;
    }
  };

  const onUpdate = (update: Uint8Array, updateOrigin: unknown) => {
    if (updateOrigin !== origin) channel.postMessage({ kind: 'update', from: self, update } satisfies Message);
  };

  channel.addEventListener('message', onMessage);
  doc.on('update', onUpdate);
  channel.postMessage({ kind: 'hello', from: self, stateVector: Y.encodeStateVector(doc) } satisfies Message);

  return {
    destroy() {
      doc.off('update', onUpdate);
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}

/**
 * Calls `listener` whenever any page of this browser broadcasts a change to the plan on
 * `channelName` (its own edits and colleagues' alike), without holding the document. The message
 * format stays this module's business. Returns the stop function.
 */
export function onLocalUpdates(
  channelName: string,
  listener: () => void,
  createChannel: (name: string) => BroadcastChannel = (name) => new BroadcastChannel(name),
): () => void {
  const channel = createChannel(channelName);
  const onMessage = (event: MessageEvent<Message | null>) => {
    if (typeof event.data === 'object' && event.data !== null && event.data.kind === 'update') listener();
  };
  channel.addEventListener('message', onMessage);
  return () => {
    channel.removeEventListener('message', onMessage);
    channel.close();
  };
}
