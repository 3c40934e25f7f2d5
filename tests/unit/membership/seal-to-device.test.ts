import { describe, expect, it } from 'vitest';
import { openSealed, sealToDevice } from '../../../lib/membership/seal-to-device.ts';
import { openWelcome, sealWelcome, type Welcome } from '../../../lib/membership/welcome.ts';
import { fromUtf8, utf8 } from '../../../lib/membership/bytes.ts';
import { createInviteSecret } from '../../../lib/sync/invite.ts';
import { newDevice, PLAN_ID } from './helpers.ts';

describe('sealing to a device', () => {
  it('opens only with the right identity', async () => {
    const [alice, bob] = await Promise.all([newDevice(), newDevice()]);
    const sealed = await sealToDevice(alice.agreementPublic, utf8('epoch secret'), 'ctx');
    expect(fromUtf8((await openSealed(alice, sealed, 'ctx'))!)).toBe('epoch secret');
    expect(await openSealed(bob, sealed, 'ctx')).toBeNull();
  });

  it('never shows the plaintext, and two seals of the same bytes differ', async () => {
    const alice = await newDevice();
    const a = await sealToDevice(alice.agreementPublic, utf8('epoch secret'), 'ctx');
    const b = await sealToDevice(alice.agreementPublic, utf8('epoch secret'), 'ctx');
    expect(a).not.toEqual(b);
    expect(new TextDecoder().decode(a)).not.toContain('epoch secret');
  });

  it('refuses a box tampered with anywhere', async () => {
    const alice = await newDevice();
    const sealed = await sealToDevice(alice.agreementPublic, utf8('epoch secret'), 'ctx');
    for (const at of [0, 1, 20, 33, 40, 50, sealed.length - 1]) {
      const bad = sealed.slice();
      bad[at]! ^= 0x01;
      expect(await openSealed(alice, bad, 'ctx'), `byte ${at}`).toBeNull();
    }
    expect(await openSealed(alice, sealed.slice(0, 40), 'ctx')).toBeNull();
    expect(await openSealed(alice, new Uint8Array(0), 'ctx')).toBeNull();
  });

  it('binds the context: a box sealed for one purpose does not open for another', async () => {
    const alice = await newDevice();
    const sealed = await sealToDevice(alice.agreementPublic, utf8('s'), 'core-group-plan epoch v1 p 1 d');
    expect(await openSealed(alice, sealed, 'core-group-plan epoch v1 p 2 d')).toBeNull();
    expect(await openSealed(alice, sealed, 'core-group-plan welcome v1')).toBeNull();
  });

  it('refuses a public key that is not 32 bytes', async () => {
    await expect(sealToDevice(new Uint8Array(31), utf8('x'), 'ctx')).rejects.toThrow(RangeError);
  });
});

describe('welcome', () => {
  const welcome = (): Welcome => ({ planId: PLAN_ID, epoch: 2, epochSecret: createInviteSecret(), genesisHash: 'ab'.repeat(32), familyName: 'Oakfield' });

  it('opens for the joiner only', async () => {
    const [joiner, other] = await Promise.all([newDevice(), newDevice()]);
    const w = welcome();
    const sealed = await sealWelcome(w, joiner.agreementPublic);
    expect(await openWelcome(joiner, sealed)).toEqual(w);
    expect(await openWelcome(other, sealed)).toBeNull();
  });

  it('is not an epoch secret box: the contexts differ', async () => {
    const joiner = await newDevice();
    const sealed = await sealToDevice(joiner.agreementPublic, utf8(JSON.stringify(welcome())), 'core-group-plan epoch v1');
    expect(await openWelcome(joiner, sealed)).toBeNull();
  });

  it('refuses a sealed welcome that is not well-formed inside', async () => {
    const joiner = await newDevice();
    const bad = { ...welcome(), epochSecret: 'not a secret' };
    const sealed = await sealToDevice(joiner.agreementPublic, utf8(JSON.stringify(bad)), 'core-group-plan welcome v1');
    expect(await openWelcome(joiner, sealed)).toBeNull();
    await expect(sealWelcome(bad, joiner.agreementPublic)).rejects.toThrow(RangeError);
  });
});
