/**
 * The test vectors in server/relay/PROTOCOL.md, checked three ways: the spec-only test client
 * computes them, the server's own code agrees (tag, decoder, signature check), and the document
 * states exactly these values — so a browser client checked against the document is checked
 * against the server.
 */
import { hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeClientFrame } from '../../../server/relay/codec.mjs';
import { roomTagOf, SIGNATURE_CONTEXT, verifyFrame } from '../../../server/relay/keys.mjs';
import { pushBody, roomKeyFromSeed, signFrame, syncFrame, ZERO16 } from './relay-client.ts';

const doc = readFileSync(path.resolve('server/relay/PROTOCOL.md'), 'utf8');
const inDoc = (hex: string) => doc.replace(/\s+/g, ' ').includes(hex) || doc.replace(/[\s]/g, '').includes(hex);

const SEED = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const CHALLENGE = Buffer.from(Array.from({ length: 32 }, (_, i) => 0xa0 + i));
const V = {
  publicKey: '03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8',
  tag: '8d3eee72916a6e25f724985500584e0841c9361a3aab6184861405bbe449b7ea',
  tagBase64url: 'jT7ucpFqbiX3JJhVAFhOCEHJNho6q2GEhhQFu-RJt-o',
  signature: '928ed68ce3c7789f50e9a2e582b598ab568a4e9c3abcf9bea7519b906078224d81dd6018da34ef2ee136e3b506bc63e7820d47333a1c13a27f834d54e39fe903',
  frame: '01000000018d3eee72916a6e25f724985500584e0841c9361a3aab6184861405bbe449b7ea03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b80001f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff00000004deadbeef928ed68ce3c7789f50e9a2e582b598ab568a4e9c3abcf9bea7519b906078224d81dd6018da34ef2ee136e3b506bc63e7820d47333a1c13a27f834d54e39fe903',
  sync: '02000000028d3eee72916a6e25f724985500584e0841c9361a3aab6184861405bbe449b7ea00000000000000000000000000000000000000000000000001',
  secret: 'QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI',
  derivedSeed: '1d14ba451ff71c3e00a58e9dd8837e925392fbc5344d98f83ba5c88a880c9694',
  derivedPublicKey: '2e5e82a74d51cf59c142b7ff755ec69d2be8737f8a3004bf7fcd521d0e6cf302',
  derivedTag: 'dJteVnMq44I8klZKCCkl27lRnENZPRfSDUPaQuANmws',
};

describe('PROTOCOL.md test vectors', () => {
  const room = roomKeyFromSeed(SEED);
  const body = pushBody(1, room, [{ id: Buffer.from('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', 'hex'), data: Buffer.from('deadbeef', 'hex') }]);
  const frame = signFrame(body, CHALLENGE, room.privateKey);

  it('the seed gives the public key and the tag, by the client and by the server', () => {
    expect(room.publicKey.toString('hex')).toBe(V.publicKey);
    expect(room.tag.toString('hex')).toBe(V.tag);
    expect(room.tag.toString('base64url')).toBe(V.tagBase64url);
    expect(roomTagOf(room.publicKey).toString('hex')).toBe(V.tag);
  });

  it('the signed PUSH is what the client makes, and the server decodes and verifies it on that challenge only', () => {
    expect(frame.toString('hex')).toBe(V.frame);
    expect(frame.subarray(body.length).toString('hex')).toBe(V.signature);
    const decoded = decodeClientFrame(frame, { maxEnvelopeBytes: 1024, maxBatch: 10, maxSnapshotBytes: 1024 });
    if (!decoded.ok || decoded.frame.type !== 'push') throw new Error('not decoded as a push');
    expect(decoded.frame.reqId).toBe(1);
    expect(decoded.frame.envelopes.map((e) => e.data.toString('hex'))).toEqual(['deadbeef']);
    expect(verifyFrame(decoded.frame.key, CHALLENGE, decoded.frame.signed, decoded.frame.sig)).toBe(true);
    expect(verifyFrame(decoded.frame.key, Buffer.alloc(32), decoded.frame.signed, decoded.frame.sig)).toBe(false);
    expect(SIGNATURE_CONTEXT.toString('hex')).toBe('636f72652d67726f75702d706c616e2072656c6179207369676e6174757265207631');
  });

  it('the SYNC frame and the recommended derivation from a plan secret', () => {
    expect(syncFrame(2, room.tag, ZERO16, 0, true).toString('hex')).toBe(V.sync);
    const seed = Buffer.from(hkdfSync('sha256', Buffer.from(V.secret, 'base64url'), Buffer.from('core-group-plan invite v1'), Buffer.from('relay-write-key'), 32));
    expect(seed.toString('hex')).toBe(V.derivedSeed);
    const derived = roomKeyFromSeed(seed);
    expect(derived.publicKey.toString('hex')).toBe(V.derivedPublicKey);
    expect(derived.tag.toString('base64url')).toBe(V.derivedTag);
  });

  it('the document states exactly these values', () => {
    for (const [name, value] of Object.entries(V)) expect(inDoc(value), `${name} in PROTOCOL.md`).toBe(true);
    expect(inDoc(SEED.toString('hex'))).toBe(true);
    expect(inDoc(SIGNATURE_CONTEXT.toString('hex'))).toBe(true);
  });
});
