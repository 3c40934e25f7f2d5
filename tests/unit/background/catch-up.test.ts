import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catchUp, catchUpWithPeers } from '../../../lib/background/catch-up.ts';
import { colleagueEdits, fakeRelay, fakeSession } from './fake-sessions.ts';
import { DEFAULT_NETWORK } from '../../../lib/settings/network.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function shared() {
  const session = fakeSession('a'.repeat(32));
  await session.share('secret', DEFAULT_NETWORK);
  return session;
}

describe('catchUpWithPeers', () => {
  it('gives up at the time limit when no colleague connects', async () => {
    const session = await shared();
    const done = catchUpWithPeers({ timeoutMs: 10_000, quietMs: 1000 })(session);
    await vi.advanceTimersByTimeAsync(9_999);
    let result: string | undefined;
    void done.then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await done).toBe('timed-out');
  });

  it('is caught up once a colleague is connected and nothing has arrived for the quiet spell', async () => {
    const session = await shared();
    let result: string | undefined;
    void catchUpWithPeers({ timeoutMs: 10_000, quietMs: 1000 })(session).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(2000);
    session.setPeers(1);
    await vi.advanceTimersByTimeAsync(800);
    colleagueEdits(session); // still arriving: the quiet spell starts again
    await vi.advanceTimersByTimeAsync(800);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(result).toBe('caught-up');
    expect(session.doc.getMap('meta').get('address')).toBe('12 Background Lane');
  });

  it('still ends at the time limit when edits keep arriving', async () => {
    const session = await shared();
    session.setPeers(1);
    let result: string | undefined;
    void catchUpWithPeers({ timeoutMs: 3000, quietMs: 1000 })(session).then((r) => (result = r));
    for (let i = 0; i < 6; i++) {
      await vi.advanceTimersByTimeAsync(500);
      colleagueEdits(session, 'address', `${i} Lane`);
    }
    expect(result).toBe('timed-out');
  });
});

describe('catchUp', () => {
  it('pulls through the relay when the plan has one, without waiting for a colleague to connect', async () => {
    const relay = fakeRelay(async () => colleagueEdits(session));
    const session = fakeSession('b'.repeat(32), relay);
    await session.share('secret', DEFAULT_NETWORK);
    expect(await catchUp({ timeoutMs: 7_000 })(session)).toBe('caught-up');
    expect(relay.pulls).toEqual([7_000]);
    expect(session.doc.getMap('meta').get('address')).toBe('12 Background Lane');
  });

  it('waits for peers when the relay could not be reached, and is timed out when no colleague connects either', async () => {
    const relay = fakeRelay(async () => {
      throw new Error('The relay connection was lost: closed');
    });
    const session = fakeSession('c'.repeat(32), relay);
    await session.share('secret', DEFAULT_NETWORK);
    let result: string | undefined;
    void catchUp({ timeoutMs: 10_000, quietMs: 1000 })(session).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBe('timed-out');
    expect(relay.pulls).toHaveLength(1);
  });

  it('counts a failed pull as timed out at once when WebRTC is off (relay only)', async () => {
    const relay = fakeRelay(async () => {
      throw new Error('The relay did not bring this plan up to date within 20000 ms');
    });
    const session = fakeSession('d'.repeat(32), relay);
    await session.share('secret', { ...DEFAULT_NETWORK, relayOnly: true });
    expect(await catchUp()(session)).toBe('timed-out');
  });

  it('waits for peers when no relay is set', async () => {
    const session = await shared();
    let result: string | undefined;
    void catchUp({ timeoutMs: 10_000, quietMs: 1000 })(session).then((r) => (result = r));
    session.setPeers(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBe('caught-up');
  });
});
