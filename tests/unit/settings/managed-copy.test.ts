import { afterEach, describe, expect, it, vi } from 'vitest';
import { MANAGED_COPY_KEY, readManagedWithCopy } from '../../../lib/settings/managed-copy.ts';
import { memoryArea } from '../helpers/memory-area.ts';

afterEach(() => {
  vi.useRealTimers();
});

const ORG = { relay: 'wss://relay.example.org' };
const answering = (raw: Record<string, unknown>, afterMs = 0) => ({ read: () => new Promise<Record<string, unknown>>((resolve) => setTimeout(resolve, afterMs, raw)) });
const silent = { read: () => new Promise<Record<string, unknown>>(() => {}) };

describe('the organisation’s settings, with the copy of their last reading', () => {
  it('takes the browser’s answer when it comes promptly, and keeps a copy of it', async () => {
    const area = memoryArea();
    expect(await readManagedWithCopy(answering(ORG), area, 1000)).toEqual(ORG);
    expect(area.data.get(MANAGED_COPY_KEY)).toEqual(ORG);
  });

  it('takes the copy when the browser is slow (Chromium: seconds after a start, now and then minutes)', async () => {
    vi.useFakeTimers();
    const area = memoryArea();
    await area.set({ [MANAGED_COPY_KEY]: ORG });
    const read = readManagedWithCopy(silent, area, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await read).toEqual(ORG);
  });

  it('waits for the browser however long it takes when this device never read its settings', async () => {
    vi.useFakeTimers();
    const area = memoryArea();
    let settled = false;
    const read = readManagedWithCopy(answering(ORG, 30_000), area, 1000).then((raw) => ((settled = true), raw));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await read).toEqual(ORG);
  });

  it('replaces the copy with every answer, so a changed policy reaches the next page', async () => {
    vi.useFakeTimers();
    const area = memoryArea();
    await area.set({ [MANAGED_COPY_KEY]: ORG });
    const changed = { relay: 'wss://new-relay.example.org' };
    const read = readManagedWithCopy(answering(changed, 5000), area, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await read).toEqual(ORG);
    await vi.advanceTimersByTimeAsync(4000);
    expect(area.data.get(MANAGED_COPY_KEY)).toEqual(changed);
  });

  it('ignores a copy that is not an object', async () => {
    vi.useFakeTimers();
    const area = memoryArea();
    await area.set({ [MANAGED_COPY_KEY]: ['not', 'settings'] });
    let settled = false;
    void readManagedWithCopy(silent, area, 1000).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(5000);
    expect(settled).toBe(false);
  });
});
