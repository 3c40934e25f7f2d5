import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK, loadNetworkSettings, parseNetworkSettings, saveNetworkSettings } from '../../../lib/settings/network.ts';
import { memoryArea } from '../helpers/memory-area.ts';

describe('parseNetworkSettings', () => {
  it('reads one signaling address per line and STUN/TURN servers with credentials', () => {
    const { settings, problems } = parseNetworkSettings('wss://signal.example.org\n\nws://127.0.0.1:4444', 'stun:stun.example.org:3478\nturn:turn.example.org user secret');
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      signaling: ['wss://signal.example.org', 'ws://127.0.0.1:4444'],
      iceServers: [{ urls: 'stun:stun.example.org:3478' }, { urls: 'turn:turn.example.org', username: 'user', credential: 'secret' }],
    });
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
    expect(DEFAULT_NETWORK.signaling).toEqual([]);
    await saveNetworkSettings(area, { signaling: ['wss://a.example.org'], iceServers: [] });
    expect((await loadNetworkSettings(area)).signaling).toEqual(['wss://a.example.org']);
  });
});
