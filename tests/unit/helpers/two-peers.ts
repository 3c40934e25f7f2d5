/**
 * Two (or more) Y.Docs that exchange updates like peers on a network: connected, every update
 * reaches the others at once; disconnected, updates queue until `connect()` delivers them.
 */
import * as Y from 'yjs';

export interface Peers {
  docs: Y.Doc[];
  disconnect(): void;
  connect(): void;
}

export function connectedPeers(count = 2): Peers {
  const docs = Array.from({ length: count }, () => new Y.Doc());
  const queue: { from: Y.Doc; update: Uint8Array }[] = [];
  let online = true;
  const origin = Symbol('network');
  const deliver = (from: Y.Doc, update: Uint8Array) => {
    for (const doc of docs) if (doc !== from) Y.applyUpdate(doc, update, origin);
  };
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, o: unknown) => {
      if (o === origin) return;
      if (online) deliver(doc, update);
      else queue.push({ from: doc, update });
    });
  }
  return {
    docs,
    disconnect: () => void (online = false),
    connect() {
      online = true;
      for (const { from, update } of queue.splice(0)) deliver(from, update);
    },
  };
}
