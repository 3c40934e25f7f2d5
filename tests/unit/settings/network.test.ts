import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK, defaultNetwork, loadNetworkSettings, parseNetworkSettings, saveNetworkSettings } from '../../../lib/settings/network.ts';
import { memoryArea } from '../helpers/memory-area.ts';

describe('parseNetworkSettings', () => {
  it('reads one signaling address per line and STUN/TURN servers with credentials', () => {
    const { settings, problems } = parseNetworkSettings('wss://signal.example.org\n\nws://127.0.0.1:4444', 'stun:stun.example.org:3478\nturn:turn.example.org user secret');
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      signaling: ['wss://signal.example.org', 'ws://127.0.0.1:4444'],
      iceServers: [{ urls: 'stun:stun.example.org:3478' }, { urls: 'turn:turn.example.org', username: 'user', credential: 'secret' }],
      relay: '',
      relayOnly: false,
    });
  });

  it('reads the relay address and relay only; a relay needs no signaling server, with or without relay only', () => {
    expect(parseNetworkSettings('', '', 'wss://relay.example.org/relay', false).settings).toEqual({ signaling: [], iceServers: [], relay: 'wss://relay.example.org/relay', relayOnly: false });
    expect(parseNetworkSettings('', '', ' wss://relay.example.org/relay ', true).settings).toEqual({ signaling: [], iceServers: [], relay: 'wss://relay.example.org/relay', relayOnly: true });
    expect(parseNetworkSettings('wss://s.example.org', '', '', false).settings?.relay).toBe('');
  });

  it.each([
    ['a web address for the relay', 'https://relay.example.org', false, '“https://relay.example.org” is not a relay address: it should start with wss:// (or ws:// on this computer), for example wss://relay.example.org/relay.'],
    ['a relay address with spaces', 'wss://relay example.org', false, '“wss://relay example.org” is not a relay address: it should start with wss:// (or ws:// on this computer), for example wss://relay.example.org/relay.'],
    ['relay only without a relay', '', true, 'Relay only needs a relay address: enter one, or untick “Relay only”.'],
  ])('explains %s', (_, relay, relayOnly, message) => {
    const result = parseNetworkSettings('wss://s.example.org', '', relay, relayOnly);
    expect(result.settings).toBeUndefined();
    expect(result.problems).toEqual([{ field: 'relay', message }]);
  });

  it.each([
    ['no signaling server', '', '', 'signaling'],
    ['a web address instead of a socket', 'https://signal.example.org', '', 'signaling'],
    ['an ICE server that is not STUN or TURN', 'wss://s.example.org', 'http://x', 'iceServers'],
    ['a TURN server without credentials', 'wss://s.example.org', 'turn:turn.example.org', 'iceServers'],
  ])('explains %s and returns no settings', (_, signaling, ice, field) => {
    const result = parseNetworkSettings(signaling, ice);
    expect(result.settings).toBeUndefined();
    expect(result.problems.map((p) => p.field)).toContain(field);
  });
});

describe('loadNetworkSettings', () => {
  it('defaults to no servers (Share then says one is missing), and keeps what was saved', async () => {
    const area = memoryArea();
    expect(await loadNetworkSettings(area)).toEqual(DEFAULT_NETWORK);
    expect(DEFAULT_NETWORK).toEqual({ signaling: [], iceServers: [], relay: '', relayOnly: false });
    await area.set({ network: { signaling: ['wss://a.example.org'], iceServers: [] } });
    // Saved before the relay existed: the default relay (none), WebRTC kept.
    expect(await loadNetworkSettings(area)).toEqual({ signaling: ['wss://a.example.org'], iceServers: [], relay: DEFAULT_NETWORK.relay, relayOnly: false });
    await saveNetworkSettings(area, { signaling: [], iceServers: [], relay: 'wss://r.example.org', relayOnly: true });
    expect(await loadNetworkSettings(area)).toEqual({ signaling: [], iceServers: [], relay: 'wss://r.example.org', relayOnly: true });
  });
});

describe('defaultNetwork', () => {
  it('has no servers unless the build was given the local ones (npm run dev)', () => {
    expect(defaultNetwork({})).toEqual({ signaling: [], iceServers: [], relay: '', relayOnly: false });
    expect(defaultNetwork({ WXT_DEV_SIGNALING: '', WXT_DEV_RELAY: '' })).toEqual({ signaling: [], iceServers: [], relay: '', relayOnly: false });
    expect(defaultNetwork({ WXT_DEV_SIGNALING: 'ws://127.0.0.1:4444', WXT_DEV_RELAY: 'ws://127.0.0.1:4444/relay' })).toEqual({
      signaling: ['ws://127.0.0.1:4444'],
      iceServers: [],
      relay: 'ws://127.0.0.1:4444/relay',
      relayOnly: false,
    });
  });
});
