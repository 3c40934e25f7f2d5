import { describe, expect, it } from 'vitest';
import { whatSharingNeeds } from '../../../lib/settings/share-needs.ts';
import { EMPTY_IDENTITY } from '../../../lib/settings/identity.ts';

const sam = { name: 'Sam Okafor', agency: 'Children’s Social Care', role: '' };
const none = { signaling: [], iceServers: [], relay: '', relayOnly: false };

describe('whatSharingNeeds', () => {
  it('names a missing server and a missing name, server first', () => {
    expect(whatSharingNeeds(EMPTY_IDENTITY, none)).toEqual(['server', 'name']);
    expect(whatSharingNeeds({ ...sam, name: '   ' }, { ...none, signaling: ['wss://s.example.org'] })).toEqual(['name']);
  });

  it('needs nothing more with a name and a signaling server, or the relay', () => {
    expect(whatSharingNeeds(sam, { ...none, signaling: ['wss://s.example.org'] })).toEqual([]);
    expect(whatSharingNeeds(sam, { ...none, relay: 'wss://relay.example.org' })).toEqual([]);
    expect(whatSharingNeeds(sam, none)).toEqual(['server']);
  });

  it('with relay only, needs the relay: a signaling server alone reaches nobody', () => {
    expect(whatSharingNeeds(sam, { ...none, signaling: ['wss://s.example.org'], relayOnly: true })).toEqual(['server']);
    expect(whatSharingNeeds(sam, { ...none, relay: 'wss://relay.example.org', relayOnly: true })).toEqual([]);
  });
});
