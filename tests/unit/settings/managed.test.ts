import { describe, expect, it } from 'vitest';
import { isManaged, layerNetwork, loadConnectionSettings, readManagedPolicy, NO_POLICY, MANAGED_KEYS } from '../../../lib/settings/managed.ts';
import { saveNetworkSettings } from '../../../lib/settings/network.ts';
import { SHIPPED_PROFILES } from '../../../lib/rules/deadlines/profiles/index.ts';
import { memoryArea } from '../helpers/memory-area.ts';
import schema from '../../../public/managed-schema.json' with { type: 'json' };

const IDS = SHIPPED_PROFILES.map((p) => p.id);
const own = { signaling: ['wss://mine.example.org'], iceServers: [{ urls: 'stun:mine.example.org' }], relay: 'wss://mine.example.org/relay', relayOnly: false };

describe('readManagedPolicy', () => {
  it('reads nothing when no policy is set (the browser gave {} or nothing at all)', () => {
    expect(readManagedPolicy({}, IDS)).toEqual({ settings: {}, ignored: [] });
    expect(readManagedPolicy(undefined, IDS)).toBe(NO_POLICY);
    expect(readManagedPolicy('policy', IDS)).toBe(NO_POLICY);
  });

  it('reads every key an organisation can set', () => {
    const policy = readManagedPolicy(
      {
        signaling: ['wss://signal.council.example.gov.uk'],
        iceServers: [{ urls: 'stun:stun.council.example.gov.uk' }, { urls: 'turn:turn.council.example.gov.uk', username: 'staff', credential: 's3cret' }],
        relay: 'wss://relay.council.example.gov.uk',
        relayOnly: true,
        defaultProfile: 'wirral-2016',
        somethingElse: 'not ours',
      },
      IDS,
    );
    expect(policy.ignored).toEqual([]);
    expect(policy.settings).toEqual({
      signaling: ['wss://signal.council.example.gov.uk'],
      iceServers: [{ urls: 'stun:stun.council.example.gov.uk' }, { urls: 'turn:turn.council.example.gov.uk', username: 'staff', credential: 's3cret' }],
      relay: 'wss://relay.council.example.gov.uk',
      relayOnly: true,
      defaultProfile: 'wirral-2016',
    });
    expect(MANAGED_KEYS.every((key) => isManaged(policy, key))).toBe(true);
  });

  it.each([
    ['signaling', 'wss://one-address-not-a-list', /signaling servers setting was ignored, because it should be a list/],
    ['signaling', ['https://signal.example.org'], /the value “https:\/\/signal.example.org” is not a signaling address/],
    ['signaling', [], /should be a list of addresses/],
    ['iceServers', [{ urls: 'turn:turn.example.org' }], /STUN and TURN servers setting was ignored, because the TURN server “turn:turn.example.org” needs a username/],
    ['iceServers', [{ urls: 'http://x' }], /is not a STUN or TURN address/],
    ['iceServers', [{ urls: 'stun:a b' }], /should be a list of servers/],
    ['iceServers', [null], /should be a list of servers/],
    ['relay', 'relay.example.org', /relay server setting was ignored, because the value “relay.example.org” is not a relay address/],
    ['relay', 'https://relay.example.org', /because the value “https:\/\/relay.example.org” is not a relay address: it should start with wss:\/\//],
    ['relay', 42, /should be an address/],
    ['relayOnly', 'yes', /“use only the relay” setting was ignored, because it should be true or false/],
    ['defaultProfile', 'leeds-2031', /default timescale profile setting was ignored, because the value “leeds-2031” is not one of the timescale profiles/],
  ])('ignores a bad %s (%j) with a note, keeping the good keys', (key, value, note) => {
    const policy = readManagedPolicy({ [key]: value, relayOnly: key === 'relayOnly' ? value : false }, IDS);
    expect(isManaged(policy, key as (typeof MANAGED_KEYS)[number])).toBe(false);
    expect(policy.ignored).toHaveLength(1);
    expect(policy.ignored[0]!.key).toBe(key);
    expect(policy.ignored[0]!.message).toMatch(note);
    expect(policy.ignored[0]!.message).toMatch(/Ask your IT team to correct it\.$/);
    if (key !== 'relayOnly') expect(policy.settings.relayOnly).toBe(false);
  });

  it('describes to Chrome every key it reads, and no other', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
  });
});

describe('layerNetwork', () => {
  it('keeps the member’s own servers where the organisation sets none', () => {
    expect(layerNetwork(own, NO_POLICY)).toEqual(own);
  });

  it('puts the organisation’s values over the member’s own, key by key', () => {
    const policy = readManagedPolicy({ signaling: ['wss://org.example.org'], relay: 'wss://relay.example.org', relayOnly: true }, IDS);
    expect(layerNetwork(own, policy)).toEqual({ ...own, signaling: ['wss://org.example.org'], relay: 'wss://relay.example.org', relayOnly: true });
    // "Use only the relay" set to false by the organisation overrides the member's true.
    expect(layerNetwork({ ...own, relayOnly: true }, readManagedPolicy({ relayOnly: false }, IDS)).relayOnly).toBe(false);
  });

  it('is what a plan connects with: saved settings under the managed ones', async () => {
    const area = memoryArea();
    await saveNetworkSettings(area, own);
    const policy = readManagedPolicy({ iceServers: [{ urls: 'stun:org.example.org' }] }, IDS);
    expect(await loadConnectionSettings(area, policy)).toEqual({ ...own, iceServers: [{ urls: 'stun:org.example.org' }] });
  });
});
