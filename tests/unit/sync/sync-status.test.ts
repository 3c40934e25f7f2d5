import { describe, expect, it } from 'vitest';
import { describeRelay, describeSync } from '../../../lib/sync/sync-status.ts';

describe('describeSync', () => {
  it.each([
    [{ kind: 'saved' as const }, null, 'Saved on this device', ''],
    [{ kind: 'saving' as const }, { signaling: 'connecting' as const, peers: 0 }, 'Saving…', 'Connecting…'],
    [{ kind: 'saved' as const }, { signaling: 'connected' as const, peers: 0 }, 'Saved on this device', 'Online, no colleagues connected'],
    [{ kind: 'saved' as const }, { signaling: 'connected' as const, peers: 1 }, 'Saved on this device', 'Online with 1 colleague'],
    [{ kind: 'saved' as const }, { signaling: 'connected' as const, peers: 3 }, 'Saved on this device', 'Online with 3 colleagues'],
    [{ kind: 'saved' as const }, { signaling: 'offline' as const, peers: 0 }, 'Saved on this device', 'Offline: changes will sync when you reconnect'],
  ])('%o with %o', (save, peers, saved, peerText) => {
    expect(describeSync(save, peers)).toEqual({ saved, peers: peerText });
  });

  it('says "Not saved" after a storage failure', () => {
    expect(describeSync({ kind: 'error', reason: 'quota', message: 'full' }, null).saved).toBe('Not saved');
  });
});

describe('describeRelay', () => {
  const NOW = Date.UTC(2026, 11, 7, 9, 0);
  const base = { connection: 'online' as const, caughtUp: true, waiting: 0, lastSentAt: null, lastHeardAt: NOW, received: 0, dropped: 0, restored: false, problem: null };

  it('says nothing for a plan without a relay', () => {
    expect(describeRelay(null, null, NOW)).toEqual({ relay: '', news: '', lastInTouch: '', warning: '' });
  });

  it('says when this device last sent to the relay and how many edits wait', () => {
    const text = describeRelay({ ...base, connection: 'offline', caughtUp: false, lastSentAt: NOW - 2 * 60_000, waiting: 3 }, null, NOW);
    expect(text.relay).toBe('sent to the relay 2 min ago · 3 edits waiting to send');
    expect(describeRelay({ ...base, waiting: 1 }, null, NOW).relay).toBe('1 edit waiting to send');
    expect(describeRelay({ ...base, lastSentAt: NOW - 10_000 }, null, NOW).relay).toBe('sent to the relay just now');
  });

  it.each([
    ['online', true, 'up to date with the relay'],
    ['online', false, 'connecting to the relay…'],
    ['connecting', false, 'connecting to the relay…'],
    ['offline', false, 'the relay cannot be reached'],
  ] as const)('with nothing sent yet, %s and caught up %s: %s', (connection, caughtUp, words) => {
    expect(describeRelay({ ...base, connection, caughtUp }, null, NOW).relay).toBe(words);
  });

  it('counts colleagues’ edits received since the plan was opened, and says when the relay was restored', () => {
    expect(describeRelay({ ...base, received: 14 }, null, NOW).news).toBe('Received 14 edits from colleagues since you last opened');
    expect(describeRelay({ ...base, received: 1 }, null, NOW).news).toBe('Received 1 edit from colleagues since you last opened');
    expect(describeRelay({ ...base, restored: true }, null, NOW).news).toBe('Restored the relay’s copy from this device');
  });

  it('says when colleagues were last heard from once that was a while ago and no one is reachable', () => {
    const away = { ...base, connection: 'offline' as const, caughtUp: false, lastHeardAt: NOW - 3 * 24 * 3600_000 };
    expect(describeRelay(away, null, NOW).lastInTouch).toBe('Last in touch with colleagues 3 days ago');
    expect(describeRelay({ ...away, lastHeardAt: NOW - 5 * 3600_000 }, { signaling: 'offline', peers: 0 }, NOW).lastInTouch).toBe('Last in touch with colleagues 5 hours ago');
    // Recently, or a colleague connected over WebRTC now, or the relay up to date: nothing to say.
    expect(describeRelay({ ...away, lastHeardAt: NOW - 20 * 60_000 }, null, NOW).lastInTouch).toBe('');
    expect(describeRelay(away, { signaling: 'connected', peers: 1 }, NOW).lastInTouch).toBe('');
    expect(describeRelay({ ...base, lastHeardAt: NOW - 3 * 24 * 3600_000 }, null, NOW).lastInTouch).toBe('');
    expect(describeRelay({ ...away, lastHeardAt: null }, null, NOW).lastInTouch).toBe('');
  });

  it('counts the last WebRTC contact remembered on this device, after reopening too', () => {
    const away = { ...base, connection: 'offline' as const, caughtUp: false, lastHeardAt: NOW - 3 * 24 * 3600_000 };
    const peersGone = { signaling: 'connected' as const, peers: 0 };
    expect(describeRelay(away, { ...peersGone, lastContactAt: NOW - 2 * 3600_000 }, NOW).lastInTouch).toBe('Last in touch with colleagues 2 hours ago');
    expect(describeRelay(away, { ...peersGone, lastContactAt: NOW - 20 * 60_000 }, NOW).lastInTouch).toBe('');
    expect(describeRelay({ ...away, lastHeardAt: null }, { ...peersGone, lastContactAt: NOW - 4 * 24 * 3600_000 }, NOW).lastInTouch).toBe('Last in touch with colleagues 4 days ago');
    // An older WebRTC contact does not hide a newer one through the relay.
    expect(describeRelay({ ...away, lastHeardAt: NOW - 5 * 3600_000 }, { ...peersGone, lastContactAt: NOW - 9 * 3600_000 }, NOW).lastInTouch).toBe('Last in touch with colleagues 5 hours ago');
  });

  it('warns about envelopes that did not open', () => {
    expect(describeRelay({ ...base, dropped: 1 }, null, NOW).warning).toBe('An edit from the relay could not be opened and was ignored: it may have been tampered with. Your plan is unchanged.');
    expect(describeRelay({ ...base, dropped: 2 }, null, NOW).warning).toBe('2 edits from the relay could not be opened and were ignored: they may have been tampered with. Your plan is unchanged.');
  });
});
