import { describe, expect, it } from 'vitest';
import { createInviteSecret, decodeSecret, deriveRoomKeys, inviteLink, parseInvite } from '../../../lib/sync/invite.ts';

describe('createInviteSecret', () => {
  it('makes 256 random bits, written base64url, different every time', () => {
    const a = createInviteSecret();
    const b = createInviteSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(decodeSecret(a)).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('parseInvite', () => {
  const secret = createInviteSecret();
  const link = inviteLink('chrome-extension://jafnfkelchlicceondmlpojppioadolc/plan.html', secret);

  it.each([
    ['the whole link', link],
    ['the secret alone', secret],
    ['a link wrapped over lines by an email client', `${link.slice(0, 40)}\n  ${link.slice(40)}`],
    ['a link with spaces around it', `  ${link}  `],
  ])('finds the secret in %s', (_, pasted) => expect(parseInvite(pasted)).toBe(secret));

  it.each([
    ['nothing', ''],
    ['a web address', 'https://example.org/join'],
    ['a truncated link', link.slice(0, -5)],
    ['a secret with a wrong character', secret.slice(0, 42) + '!'],
  ])('finds none in %s', (_, pasted) => expect(parseInvite(pasted)).toBeNull());
});

describe('inviteLink', () => {
  it('puts the secret in the fragment, which browsers never send to a server', () => {
    const url = new URL(inviteLink('chrome-extension://abc/plan.html#/plan/x', 'S'.repeat(43)));
    expect(url.hash).toBe(`#/join/${'S'.repeat(43)}`);
    expect(url.pathname + url.search).not.toContain('S'.repeat(43));
  });
});

describe('deriveRoomKeys', () => {
  it('derives the same room, password and plan id from the same secret, on every machine', async () => {
    const secret = createInviteSecret();
    expect(await deriveRoomKeys(secret)).toEqual(await deriveRoomKeys(secret));
  });

  it('derives opaque values that reveal neither the secret nor each other', async () => {
    const secret = createInviteSecret();
    const keys = await deriveRoomKeys(secret);
    expect(keys.roomName).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.planId).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const value of [keys.roomName, keys.password, keys.planId]) expect(value).not.toContain(secret.slice(0, 10));
    expect(keys.password).not.toBe(secret);
    expect(keys.roomName.slice(0, 32)).not.toBe(keys.planId);
  });

  it('gives different rooms for different secrets', async () => {
    const [a, b] = await Promise.all([deriveRoomKeys(createInviteSecret()), deriveRoomKeys(createInviteSecret())]);
    expect(a.roomName).not.toBe(b.roomName);
  });

  it('refuses something that is not a secret, as a programming error', async () => {
    await expect(deriveRoomKeys('not-a-secret')).rejects.toThrow(RangeError);
  });
});
