/**
 * Malformed sync input at the client (DESIGN.md, Reliability: malformed sync messages are rejected
 * and the document stays byte-identical). Thousands of corrupted messages, generated from a seed,
 * go through the three places a plan's Y.Doc reads bytes from elsewhere:
 *
 * - y-protocols' `readSyncMessage`, as y-webrtc's `readPeerMessage` calls it for every frame a
 *   peer sends over the data channel (sync step 1, step 2, update);
 * - `Y.applyUpdate` guarded by try/catch, as y-indexeddb loads and as our own code applies;
 * - the message handler of lib/sync/local-channel.ts (other pages of this browser).
 *
 * Each case runs in a worker thread watched by the test, so a case that hangs is stopped and
 * reported by number instead of hanging the suite. Never Y.mergeUpdates on these bytes: it can
 * loop forever on malformed input (yjs#687).
 *
 * What we found (see the `what Yjs accepts in part` tests): `Y.applyUpdate` is not atomic. It
 * decodes every struct first (a failure there leaves the document untouched), but then integrates
 * structs one by one and only afterwards reads the delete set; a failure in either of those phases
 * leaves what was integrated so far in the document, announced as an ordinary update, and then
 * throws. A corrupted clock is accepted silently and parks structs as pending for good.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  Action,
  ChronologyEntry,
  Outcome,
  createPlan,
  planRoots,
  richTextFragment,
  setMetaField,
  updateChronologyEntry,
} from '../../../lib/plan/index.ts';
import { createUpdateGuard } from '../../../lib/sync/guard/update-guard.ts';
import { connectLocalChannel, type LocalChannel } from '../../../lib/sync/local-channel.ts';
import { seededRandom, type Random } from '../helpers/sim-network.ts';

const SEED = 20_260_501;
/** Corrupted cases per kind of corruption. */
const PER_KIND = 260;
/** A case still running after this long is reported as hung (most take well under 1 ms, the slowest a few hundred). */
const CASE_BOUND_MS = 10_000;
/** y-webrtc's outer message type for sync messages. */
const MESSAGE_SYNC = 0;
const BASE_CLIENT = 1;
const PEER_CLIENT = 2;
const RECEIVER_CLIENT = 3;

const int = (random: Random, n: number) => Math.floor(random() * n);
const randomBytes = (random: Random, n: number) => Uint8Array.from({ length: n }, () => int(random, 256));
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

// ─── The documents and the messages a peer sends ────────────────────────────────────────────────

/** Seeded bytes for record ids, so the corpus (and every finding) is the same on every run. */
function withSeededIds<T>(seed: number, build: () => T): T {
  const random = seededRandom(seed);
  const spy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<A extends ArrayBufferView | null>(array: A): A => {
    if (array instanceof Uint8Array) for (let i = 0; i < array.length; i++) array[i] = int(random, 256);
    return array;
  });
  try {
    return build();
  } finally {
    spy.mockRestore();
  }
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

interface Fixture {
  /** The receiving member's plan, as an update. */
  base: Uint8Array;
  /** Updates a colleague's browser emitted, one per command. */
  updates: Uint8Array[];
  /** What that colleague would answer to our sync step 1. */
  step2: Uint8Array;
  /** The colleague's state vector (their sync step 1). */
  stateVector: Uint8Array;
}

/** A small real plan, and a colleague who edits it with real commands while we watch the bytes. */
function buildFixture(): Fixture {
  return withSeededIds(SEED, () => {
    const base = new Y.Doc();
    base.clientID = BASE_CLIENT;
    createPlan(base, { familyName: 'Testington', children: [{ name: 'Ava', dob: '2019-03-14' }], profileId: 'national', division: 'england-and-wales', createdBy: 'Sam', createdAt: '2026-01-05' });
    const roots = planRoots(base);
    const firstOutcome = Outcome.add(base, roots.outcomes, { domain: 'parenting-capacity', statement: 'Ava is safe at home' });
    Action.add(base, Outcome.list(roots.outcomes.get(0), 'actions'), { description: 'Weekly visits', status: 'in-progress' });
    ChronologyEntry.add(base, roots.chronology, { date: '2026-01-04', event: 'Strategy discussion', agency: 'Police' });
    richTextFragment(base, 'danger-statement').insert(0, [paragraph('Ava is frightened when the adults argue.')]);
    const baseUpdate = Y.encodeStateAsUpdate(base);

    const peer = new Y.Doc();
    peer.clientID = PEER_CLIENT;
    Y.applyUpdate(peer, baseUpdate);
    const updates: Uint8Array[] = [];
    peer.on('update', (update: Uint8Array) => updates.push(update));
    const proots = planRoots(peer);
    const secondOutcome = Outcome.add(peer, proots.outcomes, { domain: 'family-environment', statement: 'The home is warm and clean' });
    Action.add(peer, Outcome.list(proots.outcomes.get(1), 'actions'), { description: 'Housing repairs by March', status: 'not-started' });
    Outcome.set(peer, proots.outcomes, firstOutcome, 'measure', 'No missed visits for 8 weeks');
    Outcome.remove(peer, proots.outcomes, secondOutcome);
    const entry = ChronologyEntry.add(peer, proots.chronology, { date: '2026-02-01', event: 'Core group', agency: 'Health' });
    updateChronologyEntry(peer, proots.chronology, entry, { event: 'Core group meeting' });
    setMetaField(peer, { field: 'address', value: '3 Sample Road' });
    const text = (richTextFragment(peer, 'danger-statement').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    peer.transact(() => {
      text.insert(4, 'is often ');
      text.delete(13, 3);
    });
    text.format(0, 3, { strong: {} });
    richTextFragment(peer, 'strengths').insert(0, [paragraph('Grandmother visits daily.')]);
    return {
      base: baseUpdate,
      updates,
      step2: Y.encodeStateAsUpdate(peer, Y.encodeStateVector(base)),
      stateVector: Y.encodeStateVector(peer),
    };
  });
}

const frame = (type: number, payload: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
};

// ─── Corruptions ────────────────────────────────────────────────────────────────────────────────

function flipBits(random: Random, bytes: Uint8Array, from = 0): Uint8Array {
  const out = bytes.slice();
  if (out.length <= from) return out;
  for (let n = 1 + int(random, 3); n > 0; n--) out[from + int(random, out.length - from)]! ^= 1 << int(random, 8);
  return out;
}

function garbleFrom(random: Random, bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let i = int(random, out.length); i < out.length; i++) out[i] = int(random, 256);
  return out;
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

interface Case {
  kind: string;
  bytes: Uint8Array;
}

/** Frames as a peer's data channel delivers them, corrupted in every way we could think of. */
function syncCorpus(fixture: Fixture, random: Random): Case[] {
  const valid = [...fixture.updates.map((u) => frame(syncProtocol.messageYjsUpdate, u)), frame(syncProtocol.messageYjsSyncStep2, fixture.step2), frame(syncProtocol.messageYjsSyncStep1, fixture.stateVector)];
  const payloads = [...fixture.updates, fixture.step2];
  const anyFrame = () => valid[int(random, valid.length)]!;
  const anyPayload = () => payloads[int(random, payloads.length)]!;
  const applyingType = () => (random() < 0.5 ? syncProtocol.messageYjsUpdate : syncProtocol.messageYjsSyncStep2);
  const kinds: Record<string, () => Uint8Array> = {
    'bit flips anywhere': () => flipBits(random, anyFrame()),
    'bit flips in the update (header intact)': () => {
      const payload = anyPayload();
      return frame(applyingType(), flipBits(random, payload));
    },
    'truncated': () => {
      const f = anyFrame();
      return f.slice(0, int(random, f.length));
    },
    'random bytes': () => randomBytes(random, int(random, 48)),
    'valid header, random update': () => frame(applyingType(), randomBytes(random, int(random, 64))),
    'valid header, update garbled from a point on': () => frame(applyingType(), garbleFrom(random, anyPayload())),
    'valid header, wrong length prefix': () => {
      const payload = anyPayload();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, applyingType());
      encoding.writeVarUint(encoder, Math.max(0, payload.length + (random() < 0.5 ? -1 : 1) * (1 + int(random, 8))));
      encoding.writeUint8Array(encoder, payload);
      return encoding.toUint8Array(encoder);
    },
    'sync step 1 with a garbage state vector': () => frame(syncProtocol.messageYjsSyncStep1, random() < 0.5 ? randomBytes(random, int(random, 24)) : flipBits(random, fixture.stateVector)),
    'unknown message or sync type': () =>
      random() < 0.5 ? concat(Uint8Array.of(1 + int(random, 200)), randomBytes(random, int(random, 16))) : concat(Uint8Array.of(MESSAGE_SYNC, 3 + int(random, 100)), randomBytes(random, int(random, 16))),
    'bytes after a complete frame': () => concat(anyFrame(), randomBytes(random, 1 + int(random, 8))),
    'two updates spliced': () => {
      const a = anyPayload();
      const b = anyPayload();
      return frame(applyingType(), concat(a.slice(0, int(random, a.length)), b.slice(int(random, b.length))));
    },
  };
  return Object.entries(kinds).flatMap(([kind, make]) => Array.from({ length: PER_KIND }, () => ({ kind, bytes: make() })));
}

/** Bare updates, as `Y.applyUpdate` and the local channel receive them. */
function updateCorpus(fixture: Fixture, random: Random): Case[] {
  const payloads = [...fixture.updates, fixture.step2];
  const any = () => payloads[int(random, payloads.length)]!;
  const kinds: Record<string, () => Uint8Array> = {
    'bit flips': () => flipBits(random, any()),
    'truncated': () => {
      const u = any();
      return u.slice(0, int(random, u.length));
    },
    'random bytes': () => randomBytes(random, int(random, 48)),
    'garbled from a point on': () => garbleFrom(random, any()),
    'bytes after a complete update': () => concat(any(), randomBytes(random, 1 + int(random, 8))),
    'two updates spliced': () => {
      const a = any();
      const b = any();
      return concat(a.slice(0, int(random, a.length)), b.slice(int(random, b.length)));
    },
  };
  return Object.entries(kinds).flatMap(([kind, make]) => Array.from({ length: PER_KIND }, () => ({ kind, bytes: make() })));
}

// ─── Running cases in a watched worker ──────────────────────────────────────────────────────────

interface CaseResult {
  index: number;
  outcome: 'applied' | 'rejected' | 'ignored';
  error: string | null;
  /** Y.encodeStateAsUpdate differs from before. */
  changed: boolean;
  /** Structs or deletes parked until their causes arrive. */
  pending: boolean;
  /** Applying what the document announced (its 'update' events) to a fresh copy gives the same snapshot. */
  announcedMatches: boolean;
  /** A copy loaded from the document's own encoding holds the same (its snapshot: state vector and deletions). */
  reloadMatches: boolean;
  ms: number;
}

interface CorpusRun {
  results: CaseResult[];
  hung: number[];
  crashed: { index: number; error: string }[];
}

/**
 * The worker: plain CommonJS (it is not compiled), loading the same yjs, y-protocols and lib0 the
 * extension bundles. For each case: a receiving copy of the plan, the bytes through the handler,
 * then what changed. It publishes the index of the case it is on, so the test can stop it.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const load = createRequire(workerData.root + '/package.json');
const Y = load('yjs');
const syncProtocol = load('y-protocols/sync');
const encoding = load('lib0/encoding');
const decoding = load('lib0/decoding');
// y-protocols logs every update it fails to apply; Yjs warns when an update claims our client id.
console.error = () => {};
console.warn = () => {};
const { cases, base, mode, start, clientId } = workerData;
const progress = new Int32Array(workerData.progress);
const same = (a, b) => Buffer.compare(a, b) === 0;
const fresh = () => {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, base);
  return doc;
};
const snapshotOf = (doc) => Y.encodeSnapshot(Y.snapshot(doc));
let doc = fresh();
let before = Y.encodeStateAsUpdate(doc);
let batch = [];
for (let index = start; index < cases.length; index++) {
  Atomics.store(progress, 0, index);
  const bytes = cases[index];
  const announced = [];
  const onUpdate = (update) => announced.push(update);
  doc.on('update', onUpdate);
  let error = null;
  let ignored = false;
  const t0 = performance.now();
  try {
    if (mode === 'sync') {
      // y-webrtc's readMessage, sync branch: the outer type, then y-protocols' handler.
      const decoder = decoding.createDecoder(bytes);
      if (decoding.readVarUint(decoder) !== 0) ignored = true;
      else {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, 0);
        syncProtocol.readSyncMessage(decoder, reply, doc, 'peer', (e) => { error = e; });
        encoding.toUint8Array(reply);
      }
    } else {
      Y.applyUpdate(doc, bytes, 'peer');
    }
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  doc.off('update', onUpdate);
  const after = Y.encodeStateAsUpdate(doc);
  const changed = !same(before, after);
  const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  let announcedMatches = true;
  let reloadMatches = true;
  if (changed || pending) {
    const replay = fresh();
    for (const update of announced) Y.applyUpdate(replay, update);
    announcedMatches = same(snapshotOf(replay), snapshotOf(doc));
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, after);
    reloadMatches = same(snapshotOf(reloaded), snapshotOf(doc));
    doc.destroy();
    doc = fresh();
    before = Y.encodeStateAsUpdate(doc);
  }
  batch.push({
    index,
    outcome: error ? 'rejected' : ignored ? 'ignored' : 'applied',
    error: error ? String(error.name || 'Error') + ': ' + String(error.message || error).slice(0, 80) : null,
    changed,
    pending,
    announcedMatches,
    reloadMatches,
    ms,
  });
  if (batch.length >= 100) {
    parentPort.postMessage({ results: batch });
    batch = [];
  }
}
parentPort.postMessage({ results: batch, done: true });
`;

/** Runs `cases` through the handler in a worker; a case that runs past the bound is stopped and reported. */
async function runCorpus(mode: 'sync' | 'update', cases: Case[], base: Uint8Array): Promise<CorpusRun> {
  const run: CorpusRun = { results: [], hung: [], crashed: [] };
  const bytes = cases.map((c) => c.bytes);
  let start = 0;
  // Each restart skips the case that stopped the last worker, so this ends within cases.length + 1 workers.
  while (start < cases.length) {
    const progress = new SharedArrayBuffer(4);
    const at = new Int32Array(progress);
    at[0] = start;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { root: process.cwd(), cases: bytes, base, mode, start, progress, clientId: RECEIVER_CLIENT },
      // A case that allocates without bound ends this worker, not the test run.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    const end = await new Promise<{ kind: 'done' } | { kind: 'hung' | 'crashed'; index: number; error?: string }>((resolve) => {
      let last = -1;
      let since = Date.now();
      const watch = setInterval(() => {
        const index = Atomics.load(at, 0);
        if (index !== last) {
          last = index;
          since = Date.now();
        } else if (Date.now() - since > CASE_BOUND_MS) {
          clearInterval(watch);
          resolve({ kind: 'hung', index });
        }
      }, 20);
      worker.on('message', (message: { results: CaseResult[]; done?: boolean }) => {
        run.results.push(...message.results);
        if (message.done) {
          clearInterval(watch);
          resolve({ kind: 'done' });
        }
      });
      worker.on('error', (error) => {
        clearInterval(watch);
        resolve({ kind: 'crashed', index: Atomics.load(at, 0), error: String(error) });
      });
      worker.on('exit', () => {
        clearInterval(watch);
        resolve({ kind: 'crashed', index: Atomics.load(at, 0), error: 'the worker exited early' });
      });
    });
    await worker.terminate();
    if (end.kind === 'done') break;
    if (end.kind === 'hung') run.hung.push(end.index);
    else run.crashed.push({ index: end.index, error: end.error ?? '' });
    start = end.index + 1;
  }
  return run;
}

// ─── The specification ──────────────────────────────────────────────────────────────────────────

let fixture: Fixture;
const corpora: Record<'sync' | 'update', { cases: Case[]; run: CorpusRun }> = {} as never;

beforeAll(async () => {
  fixture = buildFixture();
  const random = seededRandom(SEED);
  const sync = syncCorpus(fixture, random);
  const update = updateCorpus(fixture, random);
  const [syncRun, updateRun] = await Promise.all([runCorpus('sync', sync, fixture.base), runCorpus('update', update, fixture.base)]);
  corpora.sync = { cases: sync, run: syncRun };
  corpora.update = { cases: update, run: updateRun };
  if (process.env.MALFORMED_VERBOSE) {
    for (const [mode, { cases, run }] of Object.entries(corpora)) {
      const table = new Map<string, number>();
      for (const r of run.results) {
        const key = `${cases[r.index]!.kind} → ${r.outcome}${r.changed ? ', changed' : ''}${r.pending ? ', pending' : ''}`;
        table.set(key, (table.get(key) ?? 0) + 1);
      }
      const slowest = [...run.results].sort((a, b) => b.ms - a.ms)[0];
      console.info(mode, Object.fromEntries([...table].sort()), { slowestMs: slowest?.ms, slowestKind: slowest && cases[slowest.index]!.kind });
    }
  }
}, 120_000);

/**
 * Corruptions after which every rejected message leaves the document byte-identical. Over the
 * data channel a truncated frame is always caught: its length prefix no longer matches, and y-protocols
 * reads the whole update before Yjs sees it. A truncated *stored* update (Y.applyUpdate) is not.
 */
const CLEAN_KINDS = {
  sync: ['truncated', 'random bytes', 'valid header, random update', 'sync step 1 with a garbage state vector', 'unknown message or sync type'],
  update: ['random bytes'],
} as const;

/**
 * Corruptions that Yjs, with this corpus, applies in part before rejecting: everything that keeps a
 * well-formed beginning (structs that decode) and breaks later (another struct's reference, or the
 * delete set). A finding: if Yjs makes applyUpdate atomic, this list empties and the note goes.
 */
const PARTIAL_KINDS = {
  sync: ['bit flips anywhere', 'bit flips in the update (header intact)', 'two updates spliced', 'valid header, update garbled from a point on', 'valid header, wrong length prefix'],
  update: ['bit flips', 'garbled from a point on', 'truncated', 'two updates spliced'],
} as const;

describe.each([
  ['readSyncMessage (y-protocols), as y-webrtc reads a frame from a peer', 'sync'],
  ['Y.applyUpdate guarded by try/catch', 'update'],
] as const)('%s', (_label, mode) => {
  const corpus = () => corpora[mode];

  it('answers every corrupted message of the corpus within the bound, without crashing', () => {
    const { cases, run } = corpus();
    expect(cases.length).toBeGreaterThan(1_500);
    expect(run.hung.map((i) => `#${i} (${cases[i]!.kind})`), `cases still running after ${CASE_BOUND_MS} ms`).toEqual([]);
    expect(run.crashed.map((c) => `#${c.index} (${cases[c.index]!.kind}): ${c.error}`)).toEqual([]);
    expect(run.results).toHaveLength(cases.length);
  });

  it.each(CLEAN_KINDS[mode])('rejects “%s” without touching the document: byte-identical, nothing pending', (kind) => {
    const { cases, run } = corpus();
    const rejected = run.results.filter((r) => cases[r.index]!.kind === kind && r.outcome === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.filter((r) => r.changed || r.pending).map((r) => `#${r.index}: ${r.error}`)).toEqual([]);
  });

  it('applies some rejected messages in part, for exactly these corruptions (Yjs applyUpdate is not atomic)', () => {
    const { cases, run } = corpus();
    const partial = new Set(run.results.filter((r) => r.outcome === 'rejected' && (r.changed || r.pending)).map((r) => cases[r.index]!.kind));
    expect([...partial].sort()).toEqual([...PARTIAL_KINDS[mode]].sort());
  });

  it('announces whatever it changes, even for a message it then rejects, so storage and peers hold what the document holds', () => {
    const { cases, run } = corpus();
    const changed = run.results.filter((r) => r.changed || r.pending);
    expect(changed.length).toBeGreaterThan(0);
    const unannounced = changed.filter((r) => !r.announcedMatches).map((r) => `#${r.index} (${cases[r.index]!.kind})`);
    expect(unannounced, 'changes the document made without an update event').toEqual([]);
    const unreloadable = changed.filter((r) => !r.reloadMatches).map((r) => `#${r.index} (${cases[r.index]!.kind})`);
    expect(unreloadable, 'documents whose own encoding loads as something else').toEqual([]);
  });

  it('reports every rejection as an Error, and leaves the document alone for a message it ignores', () => {
    const { run } = corpus();
    for (const r of run.results) {
      if (r.outcome === 'ignored') expect(r.changed || r.pending).toBe(false);
      if (r.error !== null) expect(r.error).toMatch(/^[A-Za-z]*Error: /);
    }
  });
});

// ─── What Yjs accepts in part (findings) ────────────────────────────────────────────────────────

/** A copy of a small plan for the constructed cases. */
function receiver(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = RECEIVER_CLIENT;
  Y.applyUpdate(doc, fixture.base);
  return doc;
}

/** An update that inserts and deletes in one transaction: its structs come first, its delete set last. */
function insertAndDeleteUpdate(): Uint8Array {
  const peer = new Y.Doc();
  peer.clientID = PEER_CLIENT;
  Y.applyUpdate(peer, fixture.base);
  let update: Uint8Array = new Uint8Array();
  peer.on('update', (u: Uint8Array) => void (update = u));
  const text = (richTextFragment(peer, 'danger-statement').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  peer.transact(() => {
    text.insert(text.length, ' Health visitor agrees.');
    text.delete(0, 4); // "Ava "
  });
  return update;
}

const dangerText = (doc: Y.Doc) => richTextFragment(doc, 'danger-statement').toString();

describe('Y.applyUpdate: what Yjs accepts in part', () => {
  it('integrates the insertions of an update whose delete set is cut off, announces them, then throws', () => {
    const update = insertAndDeleteUpdate();
    const doc = receiver();
    const announced: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => announced.push(u));
    // The last bytes of an update are its delete set: one client, one range.
    expect(() => Y.applyUpdate(doc, update.slice(0, update.length - 1))).toThrow(/Unexpected end of array/);
    expect(dangerText(doc)).toContain('Ava is frightened when the adults argue. Health visitor agrees.');
    expect(announced).toHaveLength(1);
    // The delete arrives with the next sync step 2 (which always carries the whole delete set).
    Y.applyUpdate(doc, update);
    expect(dangerText(doc)).toContain('<paragraph>is frightened when the adults argue. Health visitor agrees.</paragraph>');
  });

  it('integrates the structs before one that points at a clock its own client never had, then throws', () => {
    // Hand-written (update format v1): client 9 inserts "ok" into root text "t", then "zz" whose
    // origin is (9, 7). Yjs checks origins of other clients for missing structs, not its own.
    const encoder = encoding.createEncoder();
    for (const n of [1, 2, 9, 0]) encoding.writeVarUint(encoder, n); // 1 client, 2 structs, client 9 from clock 0
    encoding.writeUint8(encoder, 4); // a string, parent given by name
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, 't');
    encoding.writeVarString(encoder, 'ok');
    encoding.writeUint8(encoder, 4 | 128); // a string with an origin
    encoding.writeVarUint(encoder, 9);
    encoding.writeVarUint(encoder, 7);
    encoding.writeVarString(encoder, 'zz');
    encoding.writeVarUint(encoder, 0); // empty delete set
    const doc = new Y.Doc();
    const announced: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => announced.push(u));
    expect(() => Y.applyUpdate(doc, encoding.toUint8Array(encoder))).toThrow();
    expect(doc.getText('t').toString()).toBe('ok');
    expect(announced).toHaveLength(1);
  });

  it('accepts an update whose clock was corrupted, parks it as pending for good, and passes it on in sync step 2', () => {
    const update = insertAndDeleteUpdate();
    // Update format v1: clients, then for the first: its struct count, its id, its first clock.
    const decoder = decoding.createDecoder(update);
    expect(decoding.readVarUint(decoder)).toBe(1);
    decoding.readVarUint(decoder);
    expect(decoding.readVarUint(decoder)).toBe(PEER_CLIENT);
    const clockAt = decoder.pos;
    expect(decoding.readVarUint(decoder)).toBe(0);
    const corrupted = update.slice();
    corrupted[clockAt] = 64; // one bit: the structs now claim to start at clock 64
    const doc = receiver();
    expect(() => Y.applyUpdate(doc, corrupted)).not.toThrow();
    expect(doc.store.pendingStructs).not.toBeNull();
    // A colleague who syncs with us receives the same unresolvable structs.
    const colleague = receiver();
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep2(encoder, doc, Y.encodeStateVector(colleague));
    syncProtocol.readSyncMessage(decoding.createDecoder(encoding.toUint8Array(encoder)), encoding.createEncoder(), colleague, 'peer');
    expect(colleague.store.pendingStructs).not.toBeNull();
  });

  it('ignores bytes after a complete update', () => {
    const doc = receiver();
    Y.applyUpdate(doc, concat(insertAndDeleteUpdate(), Uint8Array.of(0xff, 0x01, 0x02)));
    expect(dangerText(doc)).toContain('Health visitor agrees.');
  });
});

// ─── lib/sync/local-channel.ts ──────────────────────────────────────────────────────────────────

/** A BroadcastChannel stand-in: the test delivers messages to the page's listener by hand. */
function fakeChannel() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const posted: unknown[] = [];
  const channel = {
    postMessage: (message: unknown) => void posted.push(message),
    addEventListener: (_type: 'message', listener: (event: MessageEvent) => void) => void listeners.add(listener),
    removeEventListener: (_type: 'message', listener: (event: MessageEvent) => void) => void listeners.delete(listener),
    close: () => listeners.clear(),
  };
  return {
    channel: channel as unknown as BroadcastChannel,
    posted,
    /** Delivers `data` as another page's message; returns what the listener threw, if anything. */
    deliver(data: unknown): unknown {
      try {
        for (const listener of listeners) listener({ data } as MessageEvent);
        return undefined;
      } catch (error) {
        return error ?? new Error('thrown: nothing');
      }
    },
  };
}

const pages: LocalChannel[] = [];
afterEach(() => pages.splice(0).forEach((p) => p.destroy()));

function openPage(doc: Y.Doc) {
  const fake = fakeChannel();
  pages.push(connectLocalChannel(doc, 'plan:malformed', createUpdateGuard(doc), () => fake.channel));
  const hello = fake.posted[0] as { from: string };
  fake.posted.length = 0;
  return { ...fake, self: hello.from };
}

describe('connectLocalChannel with malformed messages from another page', () => {
  it('applies a well-formed update from another page (the harness works)', () => {
    const doc = receiver();
    const page = openPage(doc);
    expect(page.deliver({ kind: 'update', from: 'other', update: insertAndDeleteUpdate() })).toBeUndefined();
    expect(dangerText(doc)).toContain('Health visitor agrees.');
  });

  it('ignores messages of the wrong shape and leaves the document byte-identical', () => {
    const doc = receiver();
    const page = openPage(doc);
    const before = Y.encodeStateAsUpdate(doc);
    const shapes = [null, undefined, 42, 'update', [], {}, { kind: 'nonsense' }, { kind: 'update', from: 'x', update: 'not bytes' }, { kind: 'update', from: 'x', update: [1, 2, 3] }, { kind: 'update', from: 'x', update: new Uint8Array() }, { kind: 'catch-up', to: page.self, update: { length: 3 } }, { kind: 'hello', from: 'x', stateVector: 'nope' }, { kind: 'welcome', to: 'someone-else', from: 'x', stateVector: new Uint8Array([0]), update: insertAndDeleteUpdate() }];
    for (const data of shapes) expect(page.deliver(data), JSON.stringify(data)).toBeUndefined();
    expect(same(Y.encodeStateAsUpdate(doc), before)).toBe(true);
    expect(page.posted).toEqual([]);
  });

  it('never throws, never echoes a corrupted update to other pages, and leaves the document byte-identical whenever Yjs rejects the update cleanly', () => {
    const { cases, run } = corpora.update;
    // Yjs warns (and picks a new client id) when a corrupted update claims ours: expected here.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const problems: string[] = [];
    let doc = receiver();
    let page = openPage(doc);
    let before = Y.encodeStateAsUpdate(doc);
    for (const result of run.results) {
      const { kind, bytes } = cases[result.index]!;
      const thrown = page.deliver({ kind: 'update', from: 'other', update: bytes });
      if (thrown !== undefined) problems.push(`#${result.index} (${kind}): the listener threw ${String(thrown)}`);
      if (page.posted.length > 0) problems.push(`#${result.index} (${kind}): echoed to other pages`);
      const untouched = same(Y.encodeStateAsUpdate(doc), before) && doc.store.pendingStructs === null && doc.store.pendingDs === null;
      const yjsRejectsCleanly = result.outcome === 'rejected' && !result.changed && !result.pending;
      if (yjsRejectsCleanly && !untouched) problems.push(`#${result.index} (${kind}): the document changed`);
      if (!untouched) {
        // The next case starts from a clean copy, as in the worker.
        pages.pop()!.destroy();
        doc = receiver();
        page = openPage(doc);
        before = Y.encodeStateAsUpdate(doc);
      }
    }
    warn.mockRestore();
    expect(problems).toEqual([]);
  }, 60_000);

  // local-channel validates before applying (lib/sync/guard/update-guard.ts: Y.decodeUpdate reads the
  // whole update, delete set included, without touching the document) and guards the
  // Y.encodeStateAsUpdate(doc, message.stateVector) calls of `hello` and `welcome`.
  it('leaves the document byte-identical for an update whose delete set is cut off', () => {
    const doc = receiver();
    const page = openPage(doc);
    const before = Y.encodeStateAsUpdate(doc);
    const update = insertAndDeleteUpdate();
    page.deliver({ kind: 'update', from: 'other', update: update.slice(0, update.length - 1) });
    expect(same(Y.encodeStateAsUpdate(doc), before)).toBe(true);
  });

  it('does not throw out of its listener when another page sends a malformed state vector', () => {
    const page = openPage(receiver());
    expect(page.deliver({ kind: 'hello', from: 'other', stateVector: Uint8Array.of(0xff) })).toBeUndefined();
    expect(page.deliver({ kind: 'welcome', from: 'other', to: page.self, stateVector: Uint8Array.of(0xff), update: new Uint8Array([0, 0]) })).toBeUndefined();
  });
});
