import { describe, expect, it } from 'vitest';
import { makeJoinRequest, readJoinRequest, tokenHashOf } from '../../../lib/membership/join-request.ts';
import { concat, utf8 } from '../../../lib/membership/bytes.ts';
import { info, newDevice, newToken, NOW } from './helpers.ts';

describe('join requests', () => {
  it('read back self-signed, with the keys, token hash and info', async () => {
    const joiner = await newDevice();
    const { tokenHash } = await newToken();
    const request = await readJoinRequest(await makeJoinRequest(joiner, info('  Asha Patel '), tokenHash, NOW));
    expect(request).toEqual({
      info: info('Asha Patel'),
      deviceId: joiner.deviceId,
      signingPublic: joiner.signingPublic,
      agreementPublic: joiner.agreementPublic,
      tokenHash,
      at: NOW.toISOString(),
    });
  });

  it('refuses a request tampered with in any byte', async () => {
    const joiner = await newDevice();
    const bytes = await makeJoinRequest(joiner, info('Asha Patel'), (await newToken()).tokenHash, NOW);
    for (const at of [0, 5, 64, 65, 80, Math.floor(bytes.length / 2), bytes.length - 2]) {
      const bad = bytes.slice();
      bad[at]! ^= 0x02;
      expect(await readJoinRequest(bad), `byte ${at}`).toBeNull();
    }
  });

  it('refuses a request re-signed by another device, keeping or swapping the keys', async () => {
    const [joiner, attacker] = await Promise.all([newDevice(), newDevice()]);
    const bytes = await makeJoinRequest(joiner, info('Asha Patel'), (await newToken()).tokenHash, NOW);
    const body = bytes.slice(65);
    const label = utf8('core-group-plan join request v1\u0000');
    // The same body (the joiner's keys) signed by the attacker.
    const resigned = concat(Uint8Array.of(1), await attacker.sign(concat(label, body)), body);
    expect(await readJoinRequest(resigned)).toBeNull();
    // The attacker's signing key put in, deviceId kept: the deviceId no longer matches the key.
    const json = JSON.parse(new TextDecoder().decode(body));
    json.signingPublic = Buffer.from(attacker.signingPublic).toString('base64url');
    const swapped = utf8(JSON.stringify(json));
    expect(await readJoinRequest(concat(Uint8Array.of(1), await attacker.sign(concat(label, swapped)), swapped))).toBeNull();
  });

  it('refuses garbage and requests out of shape, without throwing', async () => {
    expect(await readJoinRequest(new Uint8Array(0))).toBeNull();
    expect(await readJoinRequest(crypto.getRandomValues(new Uint8Array(300)))).toBeNull();
    expect(await readJoinRequest(new Uint8Array(10_000))).toBeNull();
    expect(await readJoinRequest('hello' as unknown as Uint8Array)).toBeNull();
  });

  it('needs a name and a token hash to be made', async () => {
    const joiner = await newDevice();
    const { tokenHash } = await newToken();
    await expect(makeJoinRequest(joiner, info('  '), tokenHash, NOW)).rejects.toThrow(RangeError);
    await expect(makeJoinRequest(joiner, info('Asha'), 'abc', NOW)).rejects.toThrow(RangeError);
  });

  it('hashes a token to 64 hex, the same every time, never the token itself', async () => {
    const { token, tokenHash } = await newToken();
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await tokenHashOf(token)).toBe(tokenHash);
    expect(tokenHash).not.toContain(token);
  });
});
