import { describe, expect, it } from 'vitest';
import { deriveRelayKeys, relayWriteSeed, writeKeyFromSeed } from '../../../../lib/sync/relay/keys.ts';
import { fromHex, pushBody, syncFrame, toHex, ZERO_ID } from '../../../../lib/sync/relay/codec.ts';
import { open, seal } from '../../../../lib/sync/relay/seal.ts';

// The test vectors of server/relay/PROTOCOL.md §13.
const SEED = fromHex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const SECRET = 'QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI';
const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');

describe('relay keys (PROTOCOL.md §13 vectors)', () => {
  it('derives the public key and room tag from a seed', async () => {
    const key = await writeKeyFromSeed(SEED);
    expect(toHex(key.publicKey)).toBe('03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8');
    expect(toHex(key.tag)).toBe('8d3eee72916a6e25f724985500584e0841c9361a3aab6184861405bbe449b7ea');
  });

  it('derives the write seed, key and tag from a plan secret', async () => {
    expect(toHex(await relayWriteSeed(SECRET))).toBe('1d14ba451ff71c3e00a58e9dd8837e925392fbc5344d98f83ba5c88a880c9694');
    const keys = await deriveRelayKeys(SECRET);
    expect(toHex(keys.publicKey)).toBe('2e5e82a74d51cf59c142b7ff755ec69d2be8737f8a3004bf7fcd521d0e6cf302');
    expect(b64url(keys.tag)).toBe('dJteVnMq44I8klZKCCkl27lRnENZPRfSDUPaQuANmws');
  });

  it('signs a PUSH exactly as the vector', async () => {
    const key = await writeKeyFromSeed(SEED);
    const challenge = Uint8Array.from({ length: 32 }, (_, i) => 0xa0 + i);
    const body = pushBody(1, key.tag, key.publicKey, [{ id: fromHex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), data: fromHex('deadbeef') }]);
    expect(toHex(await key.sign(body, challenge))).toBe(
      '01000000018d3eee72916a6e25f724985500584e0841c9361a3aab6184861405bbe449b7ea03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b80001f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff00000004deadbeef928ed68ce3c7789f50e9a2e582b598ab568a4e9c3abcf9bea7519b906078224d81dd6018da34ef2ee136e3b506bc63e7820d47333a1c13a27f834d54e39fe903',
    );
    expect(toHex(syncFrame(2, key.tag, ZERO_ID, 0, true))).toBe(
      '02000000028d3eee72916a6e25f724985500584e0841c9361a3aab6184861405bbe449b7ea00000000000000000000000000000000000000000000000001',
    );
  });
});

describe('sealing', () => {
  it('opens what it sealed, and nothing that was changed, moved to another room or relabelled', async () => {
    const keys = await deriveRelayKeys(SECRET);
    const other = await deriveRelayKeys('Q0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0M');
    const update = new TextEncoder().encode('an update');
    const sealed = await seal(keys.contentKey, keys.tag, 'update', update);
    expect(await open(keys.contentKey, keys.tag, sealed)).toEqual({ kind: 'update', plaintext: update, legacy: false });
    expect((await open(keys.contentKey, keys.tag, await seal(keys.contentKey, keys.tag, 'catch-up', update)))?.kind).toBe('catch-up');
    // a fresh nonce each time
    expect(toHex(await seal(keys.contentKey, keys.tag, 'update', update))).not.toBe(toHex(sealed));
    for (let i = 0; i < sealed.length; i++) {
      const flipped = sealed.slice();
      flipped[i]! ^= 0x01;
      expect(await open(keys.contentKey, keys.tag, flipped)).toBeNull();
    }
    expect(await open(keys.contentKey, other.tag, sealed)).toBeNull();
    expect(await open(other.contentKey, other.tag, sealed)).toBeNull();
    expect(await open(keys.contentKey, keys.tag, sealed.subarray(0, 20))).toBeNull();
  });
});
