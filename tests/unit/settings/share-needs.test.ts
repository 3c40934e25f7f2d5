import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharingNeedsPatiently, whatSharingNeeds } from '../../../lib/settings/share-needs.ts';
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

describe('sharingNeedsPatiently (the organisation’s settings may be late)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const named = { ...EMPTY_IDENTITY, name: 'Sam Jones' };
  const ownServer = { ...none, signaling: ['wss://signal.example.org'] };
  const never = new Promise<never>(() => {});

  it('uses the organisation’s settings when they arrive in time', async () => {
    const orgServer = Promise.resolve({ ...none, relay: 'wss://relay.example.org' });
    expect(await sharingNeedsPatiently(named, orgServer, async () => none, 5000)).toEqual({ needs: [], policyPending: false });
  });

  it('says what the member’s own settings lack once they are late, and that they have not arrived', async () => {
    vi.useFakeTimers();
    const result = sharingNeedsPatiently(named, never, async () => none, 5000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await result).toEqual({ needs: ['server'], policyPending: true });
  });

  it('never shares with the member’s own servers before the organisation’s settings are known', async () => {
    vi.useFakeTimers();
    let arrive!: (value: typeof none) => void;
    const late = new Promise<typeof none>((resolve) => (arrive = resolve));
    let settled = false;
    const result = sharingNeedsPatiently(named, late, async () => ownServer, 5000).then((r) => ((settled = true), r));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    arrive({ ...none, relay: 'wss://relay.example.org', relayOnly: true });
    expect(await result).toEqual({ needs: [], policyPending: false });
  });
});
