import { describe, expect, it } from 'vitest';
import { SaveTracker } from '../../../lib/sync/save-tracker.ts';
import type { SaveState } from '../../../lib/sync/save-state.ts';

const full = () => new DOMException('disk', 'QuotaExceededError');
const closed = () => new DOMException('gone', 'InvalidStateError');

describe('SaveTracker', () => {
  it('is saving while a write is in flight and saved once the last one settles, telling listeners each time', () => {
    const saves = new SaveTracker();
    const seen: SaveState['kind'][] = [];
    saves.onState((state) => seen.push(state.kind));
    saves.started();
    saves.started();
    saves.pending--;
    saves.settle();
    expect(saves.state.kind).toBe('saving');
    saves.pending--;
    saves.settle();
    expect(seen).toEqual(['saving', 'saving', 'saved']);
  });

  it('keeps the first failure’s cause and stays dirty, so later failures do not hide it', () => {
    const saves = new SaveTracker();
    saves.fail(full());
    saves.fail(closed());
    saves.started();
    saves.pending--;
    saves.settle();
    expect(saves.dirty).toBe(true);
    expect(saves.state).toMatchObject({ kind: 'error', reason: 'quota' });
  });

  it('names a full disk reported after the connection closed (Chromium may close a full disk’s database first)', () => {
    const saves = new SaveTracker();
    saves.fail(closed());
    saves.fail(full());
    expect(saves.state).toMatchObject({ kind: 'error', reason: 'quota' });
    // Anything else after a close still does not replace it.
    const other = new SaveTracker();
    other.fail(closed());
    other.fail(new DOMException('boom', 'UnknownError'));
    expect(other.state).toMatchObject({ kind: 'error', reason: 'closed' });
  });

  it('wakes whoever waits once nothing is in flight, rejecting with the error state after a failure', async () => {
    const saves = new SaveTracker();
    await expect(saves.whenSettled()).resolves.toBeUndefined();
    saves.started();
    const waiting = saves.whenSettled();
    saves.pending--;
    saves.fail(full());
    saves.settle();
    await expect(waiting).rejects.toMatchObject({ kind: 'error', reason: 'quota' });
    await expect(saves.whenSettled()).rejects.toMatchObject({ kind: 'error' });
  });

  it('stops telling listeners once told to forget them', () => {
    const saves = new SaveTracker();
    const seen: string[] = [];
    const stop = saves.onState((state) => seen.push(state.kind));
    saves.set({ kind: 'saved' });
    stop();
    saves.onState((state) => seen.push(`again ${state.kind}`));
    saves.forgetListeners();
    saves.set({ kind: 'saving' });
    expect(seen).toEqual(['saved']);
  });
});
