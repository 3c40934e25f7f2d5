import { describe, expect, it } from 'vitest';
import { describeSync } from '../../../lib/sync/sync-status.ts';

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
