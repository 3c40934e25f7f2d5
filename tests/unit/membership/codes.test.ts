import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { safetyCode } from '../../../lib/membership/safety-code.ts';
import { clientIdFor, newClientNonce } from '../../../lib/membership/client-id.ts';
import { makeJoinRequest, readJoinRequest } from '../../../lib/membership/join-request.ts';
import { info, newDevice, newToken, NOW } from './helpers.ts';

describe('safety code', () => {
  it('is the same six digits on both sides (the joiner from its keys, the admitter from the request)', async () => {
    const joiner = await newDevice();
    const { tokenHash } = await newToken();
    const seenByJoiner = await safetyCode(tokenHash, joiner.signingPublic, joiner.agreementPublic);
    const request = (await readJoinRequest(await makeJoinRequest(joiner, info('Asha Patel'), tokenHash, NOW)))!;
    const seenByAdmitter = await safetyCode(request.tokenHash, request.signingPublic, request.agreementPublic);
    expect(seenByJoiner).toMatch(/^\d{3} \d{3}$/);
    expect(seenByAdmitter).toBe(seenByJoiner);
  });

  it('differs when either key is swapped for a device in the middle', async () => {
    const [joiner, middle] = await Promise.all([newDevice(), newDevice()]);
    const { tokenHash } = await newToken();
    const real = await safetyCode(tokenHash, joiner.signingPublic, joiner.agreementPublic);
    expect(await safetyCode(tokenHash, middle.signingPublic, joiner.agreementPublic)).not.toBe(real);
    expect(await safetyCode(tokenHash, joiner.signingPublic, middle.agreementPublic)).not.toBe(real);
    expect(await safetyCode((await newToken()).tokenHash, joiner.signingPublic, joiner.agreementPublic)).not.toBe(real);
  });
});

describe('client ids', () => {
  it('are 53-bit, deterministic, and differ per nonce and per device', async () => {
    const [a, b] = await Promise.all([newDevice(), newDevice()]);
    const nonce = newClientNonce();
    const id = await clientIdFor(a.signingPublic, nonce);
    expect(Number.isSafeInteger(id) && id >= 0 && id < 2 ** 53).toBe(true);
    expect(await clientIdFor(a.signingPublic, nonce)).toBe(id);
    expect(await clientIdFor(a.signingPublic, newClientNonce())).not.toBe(id);
    expect(await clientIdFor(b.signingPublic, nonce)).not.toBe(id);
  });

  it('use the high bits (not a 32-bit number in disguise)', async () => {
    const a = await newDevice();
    const ids = await Promise.all(Array.from({ length: 40 }, () => clientIdFor(a.signingPublic, newClientNonce())));
    expect(ids.some((id) => id >= 2 ** 32)).toBe(true);
  });

  it('let anyone check a claim: the nonce must give the claimed id for that key', async () => {
    const [a, b] = await Promise.all([newDevice(), newDevice()]);
    const nonce = newClientNonce();
    const claimed = await clientIdFor(a.signingPublic, nonce);
    expect((await clientIdFor(a.signingPublic, nonce)) === claimed).toBe(true);
    expect((await clientIdFor(b.signingPublic, nonce)) === claimed).toBe(false);
  });

  it('work as Yjs client ids through an update and back', async () => {
    const a = await newDevice();
    const doc = new Y.Doc();
    doc.clientID = await clientIdFor(a.signingPublic, newClientNonce());
    doc.getText('t').insert(0, 'hello');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    Y.applyUpdateV2(new Y.Doc(), Y.encodeStateAsUpdateV2(doc));
    expect([...copy.store.clients.keys()]).toEqual([doc.clientID]);
    expect(copy.getText('t').toString()).toBe('hello');
  });

  it('refuse a nonce that is not 8 bytes', async () => {
    const a = await newDevice();
    await expect(clientIdFor(a.signingPublic, new Uint8Array(7))).rejects.toThrow(RangeError);
  });
});
