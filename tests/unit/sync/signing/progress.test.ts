/**
 * Per-device counters (lib/sync/device-progress.ts) and their words (sync-status.ts): a relay
 * that hides one of a member's envelopes (the real relay, behind a socket that drops it every time
 * it is served) is noticed from the progress the next envelope carries: "2 edits from Bob Hale’s
 * device (Hollyfield Primary) have not reached you yet"; once the hidden edit arrives another way,
 * nothing is missing.
 */
import 'fake-indexeddb/auto';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createUpdateGuard } from '../../../../lib/sync/guard/update-guard.ts';
import { deriveRelayKeys } from '../../../../lib/sync/relay/keys.ts';
import { startRelaySync, type RelaySync } from '../../../../lib/sync/relay/relay-sync.ts';
import type { SocketFactory, SocketLike } from '../../../../lib/sync/relay/connection.ts';
import { trackDeviceProgress, type DeviceProgress } from '../../../../lib/sync/device-progress.ts';
import { describeMissing } from '../../../../lib/sync/sync-status.ts';
import { readMembership, type DeviceIdentity } from '../../../../lib/membership/index.ts';
import { planRoots } from '../../../../lib/plan/index.ts';
import { freePort, stopAll, waitFor } from '../../server/helpers.ts';
import { startRelay, tempDir, type RelayServer } from '../../server/relay-helpers.ts';
import { foundPlan, newDevice, session } from './group.ts';

const temp = tempDir('progress-');
let relay: RelayServer;
const stops: (() => Promise<void>)[] = [];
beforeEach(async () => {
  relay = await startRelay({ RELAY_DATA_DIR: path.join(temp.dir, `data-${Date.now()}`), PORT: String(await freePort()) });
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
  await relay.stop();
});
afterAll(async () => {
  await stopAll();
  temp.cleanup();
});

const ENVELOPES = 0x84;

/**
 * A socket to the real relay that hides one envelope: once armed, the `nth` new envelope with
 * content it delivers, and that same envelope (by id) whenever the relay serves it again.
 */
function hidingRelay(nth: number): { socket: SocketFactory; arm(): void } {
  let armed = false;
  const seen = new Set<string>();
  let hidden: string | null = null;
  const socket: SocketFactory = (url) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const socket: SocketLike = {
      get binaryType() {
        return ws.binaryType;
      },
      set binaryType(type: string) {
        ws.binaryType = type as 'arraybuffer';
      },
      get readyState() {
        return ws.readyState;
      },
      send: (data) => ws.send(data),
      close: (code, reason) => ws.close(code, reason),
      set onopen(fn: SocketLike['onopen']) {
        ws.onopen = fn;
      },
      get onopen() {
        return ws.onopen as SocketLike['onopen'];
      },
      set onclose(fn: SocketLike['onclose']) {
        ws.onclose = fn as never;
      },
      get onclose() {
        return ws.onclose as never;
      },
      set onerror(fn: SocketLike['onerror']) {
        ws.onerror = fn;
      },
      get onerror() {
        return ws.onerror as SocketLike['onerror'];
      },
      set onmessage(next: SocketLike['onmessage']) {
        ws.onmessage = next === null ? null : (ev) => next({ data: filter(new Uint8Array(ev.data as ArrayBuffer)) });
      },
      get onmessage() {
        return null;
      },
    };
    return socket;
  };
  return { socket, arm: () => void (armed = true) };
  function filter(frame: Uint8Array): ArrayBuffer {
    if (frame[0] !== ENVELOPES) return frame.slice().buffer;
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const head = 1 + 4 + 32 + 16;
    const count = view.getUint16(head);
    const kept: Uint8Array[] = [];
    let at = head + 2;
    for (let i = 0; i < count; i++) {
      const length = view.getUint32(at + 8 + 16 + 1);
      const entry = frame.subarray(at, at + 8 + 16 + 1 + 4 + length);
      const id = Buffer.from(entry.subarray(8, 24)).toString('hex');
      if (armed && length > 0 && hidden === null && !seen.has(id) && seen.add(id).size === nth) hidden = id;
      if (id !== hidden) kept.push(entry);
      at += entry.length;
    }
    const out = new Uint8Array(head + 2 + kept.reduce((n, e) => n + e.length, 0));
    out.set(frame.subarray(0, head));
    new DataView(out.buffer).setUint16(head, kept.length);
    let to = head + 2;
    for (const e of kept) {
      out.set(e, to);
      to += e.length;
    }
    return out.buffer;
  }
}

interface Member {
  doc: Y.Doc;
  sync: RelaySync;
  progress: DeviceProgress;
}

async function member(identity: DeviceIdentity, doc: Y.Doc, secret: string, socket: SocketFactory): Promise<Member> {
  const progress = trackDeviceProgress(doc);
  const keys = await session(identity, doc, progress.own);
  doc.clientID = keys.clientId;
  const sync = startRelaySync(doc, await deriveRelayKeys(secret), {
    url: relay.relayUrl,
    guard: createUpdateGuard(doc),
    store: memoryStore(),
    socket,
    auth: keys.auth,
    onAccepted: progress.accept,
    compactDelayMs: () => 60_000,
  });
  stops.push(async () => {
    await sync.destroy();
    progress.destroy();
  });
  return { doc, sync, progress };
}

function memoryStore() {
  const values = new Map<string, unknown>();
  return {
    get: async (k: string) => values.get(k),
    set: async (k: string, v: unknown) => void values.set(k, v),
    delete: async (k: string) => void values.delete(k),
    keys: async (prefix: string) => [...values.keys()].filter((k) => k.startsWith(prefix)).sort(),
  };
}

const plain: SocketFactory = (url) => new WebSocket(url, { perMessageDeflate: false }) as never;

describe('per-device counters', () => {
  it('notice an envelope the relay hides, and say whose edits have not arrived', async () => {
    const [alice, bob] = await Promise.all([newDevice(), newDevice()]);
    const origin = new Y.Doc();
    const secret = await foundPlan(origin, alice, [{ identity: bob, name: 'Bob Hale', agency: 'Hollyfield Primary' }]);
    const bobDoc = new Y.Doc();
    const aliceDoc = new Y.Doc();
    Y.applyUpdate(bobDoc, Y.encodeStateAsUpdate(origin));
    Y.applyUpdate(aliceDoc, Y.encodeStateAsUpdate(origin));

    const hiding = hidingRelay(2);
    const a = await member(alice, aliceDoc, secret, hiding.socket);
    await waitFor(() => a.sync.status.caughtUp && a.sync.status.waiting === 0, 10_000, 'Alice to seed the relay');
    const b = await member(bob, bobDoc, secret, plain);
    await waitFor(() => b.sync.status.caughtUp && b.sync.status.waiting === 0, 10_000, 'Bob to catch up');
    await new Promise((resolve) => setTimeout(resolve, 300)); // Alice's own echoes settle
    hiding.arm();
    for (const words of ['Mum to attend', ' the review', ' on Friday']) {
      const text = planRoots(bobDoc).meta;
      text.set('address', `${(text.get('address') as string | undefined) ?? ''}${words}`);
      await waitFor(() => b.sync.status.waiting === 0, 10_000, 'Bob to send');
    }
    // Alice's relay connection hid Bob's second edit; the third says Bob has made three.
    await waitFor(() => a.progress.missing().length === 1, 10_000, 'Alice to notice the missing edits');
    expect(a.progress.missing()).toEqual([{ deviceId: bob.deviceId, edits: 2 }]);
    const state = await readMembership(aliceDoc);
    expect(describeMissing(a.progress.missing(), state)).toEqual(['2 edits from Bob Hale’s device (Hollyfield Primary) have not reached you yet']);
    expect(planRoots(aliceDoc).meta.get('address')).toBe('Mum to attend');

    // The hidden edit arrives another way (a colleague over WebRTC, here directly): nothing is missing.
    Y.applyUpdate(aliceDoc, Y.encodeStateAsUpdate(bobDoc));
    expect(a.progress.missing()).toEqual([]);
    expect(planRoots(aliceDoc).meta.get('address')).toBe('Mum to attend the review on Friday');
  });
});

describe('describeMissing', () => {
  it('names the member and agency, counts one edit in the singular, and a device not in the plan as a colleague’s', () => {
    const membership = {
      devices: new Map([['d1', { memberId: 'm1' }]]) as never,
      members: [{ memberId: 'm1', info: { name: 'Asha Patel', agency: 'Riverside Primary', role: 'DSL' } }] as never,
    };
    expect(describeMissing([{ deviceId: 'd1', edits: 3 }], membership)).toEqual(['3 edits from Asha Patel’s device (Riverside Primary) have not reached you yet']);
    expect(describeMissing([{ deviceId: 'd1', edits: 1 }], membership)).toEqual(['1 edit from Asha Patel’s device (Riverside Primary) has not reached you yet']);
    expect(describeMissing([{ deviceId: 'zz', edits: 2 }], membership)).toEqual(['2 edits from a colleague’s device have not reached you yet']);
    expect(describeMissing([], membership)).toEqual([]);
  });
});
