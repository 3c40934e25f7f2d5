import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catchUpWithPeers } from '../../../lib/background/catch-up.ts';
import { colleagueEdits, fakeSession } from './fake-sessions.ts';
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
