/**
 * Signing's cost (issue 17). Edit → visible with signing beside without, in one run (budget: signed
 * ≤ 1.2× unsigned, medians): two pairs of plain Chromium instances on the bare y-webrtc page
 * (bench/fixtures/bare-webrtc), one reading every frame through the extension's guarded reader
 * (mode=guarded), the other also signing every frame and checking each as in a plan with membership
 * (mode=signed: signer known, signature verified, live updates under the signer's own clientID),
 * measured in rotating blocks of ten characters as in sync-latency.bench.ts. And sign + verify per
 * update in Node's WebCrypto (µs), for a typical one-character update.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { IDBFactory } from 'fake-indexeddb';
import { startSignaling } from '../tests/e2e/support/signaling.ts';
import { meterPair, openBarePair } from './sync-latency.bench.ts';
import { percentile, type Figure } from './figure.ts';
import { clientIdFor, loadDeviceIdentity, newClientNonce, verifySignature } from '../lib/membership/index.ts';
import { createFrameAuth } from '../lib/sync/frame-checks.ts';
import { roomContext } from '../lib/sync/signed-frame.ts';

const BLOCK = 10;
const BLOCKS = 13;
const BUDGET_RATIO = 1.2;
const CRYPTO_SAMPLES = 500;

export default async function (): Promise<Figure[]> {
  const crypto = await signAndVerifyCost();
  const signaling = await startSignaling();
  const closers: (() => Promise<void>)[] = [];
  try {
    const guardedPair = await openBarePair(signaling.url, 'guarded');
    closers.push(guardedPair.close);
    const signedPair = await openBarePair(signaling.url, 'signed');
    closers.push(signedPair.close);
    for (const pair of [guardedPair, signedPair]) {
      for (const page of [pair.a, pair.b]) {
        await page.waitForFunction(() => (window as unknown as { bare: { connectedPeers(): number } }).bare.connectedPeers() > 0, null, { timeout: 30_000 });
      }
    }
    const unsigned = await meterPair(guardedPair.a, guardedPair.a.locator('#editor'), guardedPair.b, guardedPair.b.locator('#editor'));
    const signed = await meterPair(signedPair.a, signedPair.a.locator('#editor'), signedPair.b, signedPair.b.locator('#editor'));
    for (let block = 0; block < BLOCKS; block++) {
      const order = block % 2 === 0 ? [unsigned, signed] : [signed, unsigned];
      for (const pair of order) await pair.type(BLOCK);
    }
    const [u, s] = [await unsigned.latencies(BLOCK), await signed.latencies(BLOCK)];
    const median = (xs: number[]) => percentile(xs, 50);
    return [
      { name: 'edit → remote render, guarded, unsigned (median)', value: median(u.toRender), unit: 'ms', budget: null },
      { name: 'edit → remote render, guarded, signed and checked (median)', value: median(s.toRender), unit: 'ms', budget: null },
      { name: 'edit → remote render, signed ÷ unsigned (medians)', value: median(s.toRender) / median(u.toRender), unit: '×', budget: BUDGET_RATIO },
      { name: 'edit → remote render, signed and checked (p95)', value: percentile(s.toRender, 95), unit: 'ms', budget: null },
      { name: 'edit → remote render, signed vs unsigned, samples per pair', value: s.toRender.length, unit: '', budget: null },
      ...crypto,
    ];
  } finally {
    for (const close of closers.reverse()) await close();
    await signaling.close();
  }
}

/** Signing a one-character live update as a frame, and checking it (verify + clientID), in µs. */
async function signAndVerifyCost(): Promise<Figure[]> {
  const [alice, bob] = await Promise.all([loadDeviceIdentity({ indexedDB: new IDBFactory() }), loadDeviceIdentity({ indexedDB: new IDBFactory() })]);
  const devices = new Map([alice, bob].map((d) => [d.deviceId, { signingPublic: d.signingPublic }]));
  const membership = () => ({ kind: 'established' as const, devices });
  const nonce = newClientNonce();
  const doc = new Y.Doc();
  doc.clientID = await clientIdFor(alice.signingPublic, nonce);
  const progress = () => ({ edits: 1, clock: Y.getState(doc.store, doc.clientID) });
  const sender = createFrameAuth({ identity: alice, nonce: () => nonce, crypto: { verifySignature, clientIdFor }, membership, progress });
  const receiver = createFrameAuth({ identity: bob, nonce: newClientNonce, crypto: { verifySignature, clientIdFor }, membership, progress });
  const context = roomContext('a'.repeat(64));
  const signMs: number[] = [];
  const checkMs: number[] = [];
  for (let i = 0; i < CRYPTO_SAMPLES; i++) {
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(i, 'x');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc, before));
    const message = encoding.toUint8Array(encoder);
    let t = performance.now();
    const frame = await sender.sign(context, message);
    signMs.push(performance.now() - t);
    t = performance.now();
    const checked = await receiver.check(frame, context);
    checkMs.push(performance.now() - t);
    if (checked.kind !== 'ok') throw new Error('signed-sync bench: a frame did not check');
  }
  const median = (xs: number[]) => percentile(xs, 50);
  return [
    { name: 'sign a one-character update as a frame (median)', value: median(signMs) * 1000, unit: 'µs', budget: null },
    { name: 'check a signed frame: signer, signature, clientID (cached per session) (median)', value: median(checkMs) * 1000, unit: 'µs', budget: null },
  ];
}
