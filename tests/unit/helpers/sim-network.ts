/**
 * A simulated network of Y.Doc replicas that talk to each other the way y-webrtc does, for
 * randomised convergence tests:
 *
 * - Every pair of replicas has a connection; each direction of it is a FIFO queue (a WebRTC data
 *   channel is reliable and ordered). Messages are y-webrtc's frames: `messageSync` followed by a
 *   y-protocols sync message, read with `readSyncMessage` as y-webrtc's `readPeerMessage` does.
 * - Every update a replica's document emits, whatever its origin, is broadcast to every open
 *   connection (y-webrtc's `_docUpdateHandler` relays remote updates too).
 * - When a connection opens, both sides send sync step 1; the answer (step 2) carries what the
 *   other lacks. That is the only way anything lost with a closed connection comes back.
 * - Closing a connection loses whatever was queued on it, both ways.
 * - Partitions allow connections only within groups; `heal()` allows them all again.
 * - A replica can be reloaded: its connections close, its document is thrown away, and a fresh
 *   Y.Doc (a new client id, as a reopened page gets) loads what its storage holds before it
 *   connects again, as `openPlanSession` loads before `share` starts peer sync.
 *
 * Nothing here is random by itself: callers pass a seeded `random`, so a run replays exactly.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { seededRandom, type Random } from '../../support/seeded-random.ts';

export { seededRandom, type Random };

/** y-webrtc's outer message type for y-protocols sync messages. */
const MESSAGE_SYNC = 0;



/** Where one replica keeps its document between page loads (y-indexeddb, or a stand-in). */
export interface ReplicaStorage {
  /** Loads what is stored into `doc`, then keeps storing each update `doc` emits. */
  open(doc: Y.Doc): Promise<void>;
  /** Commits anything not yet stored and lets go of the document (the page closes). */
  close(): Promise<void>;
  /** Replaces the stored updates with one snapshot of the document, as y-indexeddb's trim does. */
  compact(): Promise<void>;
}

/**
 * An in-memory stand-in for y-indexeddb's layout: a list of updates, loaded in one transaction
 * whose origin is the store (so it is not stored again), compacted to one snapshot on request.
 */
export function memoryStorage(): ReplicaStorage {
  let updates: Uint8Array[] = [];
  let doc: Y.Doc | null = null;
  const store = (update: Uint8Array, origin: unknown) => {
    if (origin !== storage) updates.push(update);
  };
  const storage: ReplicaStorage = {
    async open(next) {
      doc = next;
      Y.transact(next, () => updates.forEach((u) => Y.applyUpdate(next, u)), storage, false);
      next.on('update', store);
    },
    async close() {
      doc?.off('update', store);
      doc = null;
    },
    async compact() {
      if (doc) updates = [Y.encodeStateAsUpdate(doc)];
    },
  };
  return storage;
}

export interface Replica {
  readonly index: number;
  /** The live document; replaced on every reload. */
  doc: Y.Doc;
  /** How many times this replica has been reloaded. */
  incarnation: number;
}

export interface SimNetworkOptions {
  size: number;
  random: Random;
  /** One storage per replica; it outlives reloads. */
  storage: (replica: number) => ReplicaStorage;
  /** The client id of a replica's document in a given incarnation; must never repeat. */
  clientId: (replica: number, incarnation: number) => number;
}

export interface SimNetwork {
  readonly replicas: readonly Replica[];
  /** Messages queued on open connections, not yet delivered. */
  queued(): number;
  /** Delivers the head of one randomly chosen non-empty queue; false when nothing is queued. */
  deliverOne(): boolean;
  /** Closes the connection between `a` and `b`; whatever was queued on it is lost. */
  drop(a: number, b: number): void;
  /** Opens the connection between `a` and `b` if the partition allows it (sync step 1 both ways). */
  reconnect(a: number, b: number): void;
  /** Allows connections only within each group; connections across groups close, losing their queues. */
  partition(groups: readonly (readonly number[])[]): void;
  /** Allows every connection again and opens all that are closed. */
  heal(): void;
  /** Closes the replica's page, stores what it had, and opens it again from storage. */
  reload(index: number, options?: { compact?: boolean }): Promise<void>;
  /** Delivers until nothing is queued. Throws if that takes more than `maxMessages`. */
  settle(maxMessages: number): number;
  destroy(): Promise<void>;
}

export async function createSimNetwork(options: SimNetworkOptions): Promise<SimNetwork> {
  const { size, random } = options;
  if (size < 2) throw new RangeError('createSimNetwork: needs at least two replicas');
  const storages = Array.from({ length: size }, (_, i) => options.storage(i));
  /** queues[a][b]: frames from a waiting to be read by b. */
  const queues: Uint8Array[][][] = Array.from({ length: size }, () => Array.from({ length: size }, () => []));
  const open: boolean[][] = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const allowed: boolean[][] = Array.from({ length: size }, () => Array<boolean>(size).fill(true));
  /** The y-webrtc "room" of each replica: the origin of what it applies from the network. */
  const rooms = Array.from({ length: size }, (_, i) => ({ room: i }));
  const detach: (() => void)[] = Array.from({ length: size }, () => () => {});

  const frame = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    write(encoder);
    return encoding.toUint8Array(encoder);
  };

  const attach = (replica: Replica) => {
    const onUpdate = (update: Uint8Array) => {
      const message = frame((e) => syncProtocol.writeUpdate(e, update));
      for (let to = 0; to < size; to++) if (open[replica.index]![to]) queues[replica.index]![to]!.push(message);
    };
    replica.doc.on('update', onUpdate);
    detach[replica.index] = () => replica.doc.off('update', onUpdate);
  };

  const replicas: Replica[] = [];
  for (let i = 0; i < size; i++) {
    const doc = new Y.Doc();
    doc.clientID = options.clientId(i, 0);
    await storages[i]!.open(doc);
    const replica: Replica = { index: i, doc, incarnation: 0 };
    replicas.push(replica);
    attach(replica);
  }

  const close = (a: number, b: number) => {
    open[a]![b] = open[b]![a] = false;
    queues[a]![b]!.length = 0;
    queues[b]![a]!.length = 0;
  };

  const connect = (a: number, b: number) => {
    if (a === b || open[a]![b] || !allowed[a]![b]) return;
    open[a]![b] = open[b]![a] = true;
    // y-webrtc's WebrtcConn on 'connect': each side sends sync step 1 with its state vector.
    queues[a]![b]!.push(frame((e) => syncProtocol.writeSyncStep1(e, replicas[a]!.doc)));
    queues[b]![a]!.push(frame((e) => syncProtocol.writeSyncStep1(e, replicas[b]!.doc)));
  };

  /** y-webrtc's readMessage for a sync frame: apply it, and answer step 1 with step 2. */
  const read = (from: number, to: number, message: Uint8Array) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) throw new Error('sim-network: only sync frames are sent');
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    const type = syncProtocol.readSyncMessage(decoder, reply, replicas[to]!.doc, rooms[to], (error) => {
      // Our own frames are well formed: an error here is a bug in Yjs or in this simulation.
      throw error;
    });
    if (type === syncProtocol.messageYjsSyncStep1 && open[to]![from]) queues[to]![from]!.push(encoding.toUint8Array(reply));
  };

  const nonEmpty = () => {
    const links: [number, number][] = [];
    for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) if (open[a]![b] && queues[a]![b]!.length > 0) links.push([a, b]);
    return links;
  };

  const network: SimNetwork = {
    replicas,
    queued: () => queues.flat().reduce((n, q) => n + q.length, 0),
    deliverOne() {
      const links = nonEmpty();
      if (links.length === 0) return false;
      const [a, b] = links[Math.floor(random() * links.length)]!;
      read(a, b, queues[a]![b]!.shift()!);
      return true;
    },
    drop: (a, b) => close(a, b),
    reconnect: (a, b) => connect(a, b),
    partition(groups) {
      const groupOf = new Map<number, number>();
      groups.forEach((group, g) => group.forEach((i) => groupOf.set(i, g)));
      for (let a = 0; a < size; a++) {
        for (let b = 0; b < size; b++) {
          allowed[a]![b] = groupOf.get(a) === groupOf.get(b);
          if (!allowed[a]![b] && open[a]![b]) close(a, b);
        }
      }
    },
    heal() {
      for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) allowed[a]![b] = true;
      for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) connect(a, b);
    },
    async reload(index, { compact = false } = {}) {
      for (let other = 0; other < size; other++) if (other !== index) close(index, other);
      const replica = replicas[index]!;
      detach[index]!();
      if (compact) await storages[index]!.compact();
      await storages[index]!.close();
      replica.doc.destroy();
      replica.incarnation++;
      const doc = new Y.Doc();
      doc.clientID = options.clientId(index, replica.incarnation);
      await storages[index]!.open(doc);
      replica.doc = doc;
      attach(replica);
      for (let other = 0; other < size; other++) connect(index, other);
    },
    settle(maxMessages) {
      let delivered = 0;
      while (network.deliverOne()) {
        if (++delivered > maxMessages) throw new Error(`sim-network: still ${network.queued()} messages queued after ${maxMessages}`);
      }
      return delivered;
    },
    async destroy() {
      for (const replica of replicas) {
        detach[replica.index]!();
        await storages[replica.index]!.close();
        replica.doc.destroy();
      }
    },
  };

  // Everyone starts connected, as a core group whose browsers are all open.
  network.heal();
  return network;
}
