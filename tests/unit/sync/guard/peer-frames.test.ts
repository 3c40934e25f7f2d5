/**
 * Crafted y-webrtc frames through the guarded reader that replaces y-webrtc's `readMessage` on
 * every connection (lib/sync/guarded-webrtc.ts): 2,000 mutated frames; none throws, none is half
 * applied, a refused one changes nothing, and the plan stays openable and encodable.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { createUpdateGuard } from '../../../../lib/sync/guard/update-guard.ts';
import { readPeerFrame, type PeerFrameContext } from '../../../../lib/sync/guard/peer-frames.ts';
import { PeerRateLimit } from '../../../../lib/sync/guard/token-bucket.ts';
import { planRoots, readMeta } from '../../../../lib/plan/index.ts';
import { testingtonPlan } from '../../export/plan-fixture.ts';

const awarenesses: Awareness[] = [];
afterAll(() => awarenesses.forEach((a) => a.destroy()));

function setUp() {
  const { doc } = testingtonPlan();
  const awareness = new Awareness(doc);
  awarenesses.push(awareness);
  const unlimited = { capacity: 1e9, perSecond: 1e9 };
  const context: PeerFrameContext = {
    doc,
    awareness,
    guard: createUpdateGuard(doc),
    limits: { updates: new PeerRateLimit(unlimited, () => 0), awareness: new PeerRateLimit(unlimited, () => 0) },
    origin: 'room',
  };
  return context;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Honest frames a colleague's browser sends: sync steps, updates, presence. */
function honestFrames(doc: Y.Doc): Uint8Array[] {
  const colleague = new Y.Doc();
  Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(colleague);
  planRoots(colleague).meta.set('address', '4 Fictional Road');
  planRoots(colleague).children.delete(0, 1);
  const update = Y.encodeStateAsUpdate(colleague, sv);
  const presence = new Awareness(colleague);
  awarenesses.push(presence);
  presence.setLocalState({ user: { name: 'Sam', agency: 'School', color: '#1d4f91' }, section: 'family' });
  return [
    frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, colleague))),
    frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, update))),
    frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update))),
    frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, encodeAwarenessUpdate(presence, [colleague.clientID])))),
    frame((e) => encoding.writeVarUint(e, 3)),
  ];
}

/** The update inside a sync frame, if it has one. */
function updateIn(bytes: Uint8Array): Uint8Array | null {
  try {
    const d = decoding.createDecoder(bytes);
    if (decoding.readVarUint(d) !== 0) return null;
    const sub = decoding.readVarUint(d);
    return sub === 1 || sub === 2 ? decoding.readVarUint8Array(d) : null;
  } catch {
    return null;
  }
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), len: fc.nat({ max: 16 }), bytes: fc.uint8Array({ maxLength: 16 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : m.at % bytes.length;
  const out = [...bytes];
  if (m.kind === 'flip') out[at] = m.value;
  if (m.kind === 'cut') out.length = at;
  if (m.kind === 'insert') out.splice(at, 0, ...m.bytes);
  if (m.kind === 'splice') out.splice(at, m.len, ...m.bytes);
  return Uint8Array.from(out);
}

describe('readPeerFrame with crafted y-webrtc frames', () => {
  it('answers an honest sync step 1 and applies an honest update', () => {
    const context = setUp();
    const [step1, update] = honestFrames(context.doc);
    const answer = readPeerFrame(step1!, 'peer', context);
    expect(answer.kind === 'ok' && answer.reply !== null).toBe(true);
    expect(readPeerFrame(update!, 'peer', context).kind).toBe('ok');
    expect(readMeta(context.doc).address).toBe('4 Fictional Road');
  });

  it('drops the peer whose presence carries a colour outside the palette, and applies none of it', () => {
    const context = setUp();
    const other = new Awareness(new Y.Doc());
    awarenesses.push(other);
    other.setLocalState({ user: { name: 'Mallory', agency: '', color: 'red" onmouseover="x' }, section: '' });
    const bytes = frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, encodeAwarenessUpdate(other, [other.clientID]))));
    expect(readPeerFrame(bytes, 'peer', context).kind).toBe('drop-peer');
    expect(context.awareness.getStates().has(other.clientID)).toBe(false);
  });

  it('drops the peer on a frame of an unknown type', () => {
    expect(readPeerFrame(Uint8Array.of(9), 'peer', setUp()).kind).toBe('drop-peer');
  });

  it('never throws, never half applies, and leaves the plan openable over 2,000 mutated frames', () => {
    let context = setUp();
    let honest = honestFrames(context.doc);
    const counts: Record<string, number> = {};
    fc.assert(
      fc.property(fc.nat({ max: 4 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const bytes = mutations.reduce(mutate, honest[which]!);
        const before = Y.encodeStateAsUpdate(context.doc);
        const outcome = readPeerFrame(bytes, 'peer', context);
        counts[outcome.kind] = (counts[outcome.kind] ?? 0) + 1;
        const after = Y.encodeStateAsUpdate(context.doc);
        const changed = before.length !== after.length || before.some((b, i) => b !== after[i]);
        expect(context.doc.store.pendingStructs).toBeNull();
        expect(context.doc.store.pendingDs).toBeNull();
        expect(readMeta(context.doc).schemaVersion).toBe(1);
        if (outcome.kind !== 'ok') expect(changed).toBe(false);
        if (changed) {
          // Whatever changed is the whole update, exactly as Yjs applies it to the same state.
          const update = updateIn(bytes);
          expect(update).not.toBeNull();
          const reference = new Y.Doc();
          Y.applyUpdate(reference, before);
          Y.applyUpdate(reference, update!);
          expect(Y.encodeStateVector(reference)).toEqual(Y.encodeStateVector(context.doc));
          context = setUp();
          honest = honestFrames(context.doc);
        }
      }),
      { numRuns: 2000, seed: Number(process.env.FUZZ_SEED ?? 16) },
    );
    expect((counts['drop-peer'] ?? 0) + (counts['dropped-frame'] ?? 0)).toBeGreaterThan(500);
  }, 120_000);
});

describe('presence relayed back', () => {
  it('keeps the peer when a colleague relays our own presence back, and never lets it overwrite ours', () => {
    const context = setUp();
    context.awareness.setLocalState({ user: { name: 'Sam', agency: 'CSC', color: '#1d4f91' }, section: 'family' });
    const relay = new Awareness(new Y.Doc());
    awarenesses.push(relay);
    relay.clientID = context.awareness.clientID;
    relay.setLocalState({ user: { name: 'Not Sam', agency: '', color: '#1d4f91' }, section: '' });
    // A higher clock than ours: y-protocols alone would take it.
    relay.setLocalState({ user: { name: 'Not Sam', agency: '', color: '#1d4f91' }, section: 'x' });
    relay.setLocalState({ user: { name: 'Not Sam', agency: '', color: '#1d4f91' }, section: 'y' });
    const bytes = frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, encodeAwarenessUpdate(relay, [relay.clientID]))));
    expect(readPeerFrame(bytes, 'peer', context).kind).toBe('ok');
    expect((context.awareness.getLocalState() as { user: { name: string } }).user.name).toBe('Sam');
  });
});
