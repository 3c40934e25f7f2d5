import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { createStoredValue } from '../../../lib/state/stored-value.svelte.ts';
import { clearPendingCapture, pendingCapturesSource, putPendingCapture } from '../../../lib/capture/pending-capture.ts';
import { clockOverrideSource, saveClockOverride } from '../../../lib/settings/clock-override.ts';
import { EMPTY_IDENTITY, identitySource } from '../../../lib/settings/identity.ts';
import { memoryArea } from '../helpers/memory-area.ts';

const captures = (area: ReturnType<typeof memoryArea>) =>
  createStoredValue(area, pendingCapturesSource, { initial: [], what: 'Text kept for adding to a plan' });

describe('createStoredValue', () => {
  it('follows captures as the background stores them and pages clear them', async () => {
    const area = memoryArea();
    const value = captures(area);
    const seen: string[][] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(value.current.map((c) => c.text));
      });
    });
    flushSync();
    await putPendingCapture(area, { id: 'a', text: 'Ava was late', pageUrl: '', pageTitle: '', capturedAt: 1 });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['Ava was late']));
    await clearPendingCapture(area, 'a');
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));
    stop();
  });

  it('stops listening to storage when nothing reads it', () => {
    const area = memoryArea();
    let listeners = 0;
    const onChanged = area.onChanged.bind(area);
    area.onChanged = (l) => {
      listeners++;
      const off = onChanged(l);
      return () => {
        listeners--;
        off();
      };
    };
    const value = captures(area);
    const stop = $effect.root(() => {
      $effect(() => void value.current);
    });
    flushSync();
    expect(listeners).toBe(1);
    stop();
    flushSync();
    expect(listeners).toBe(0);
  });

  it('says so when storage cannot be read', async () => {
    const area = memoryArea();
    area.get = async () => {
      throw new Error('storage is unavailable');
    };
    const value = captures(area);
    let error = '';
    const stop = $effect.root(() => {
      $effect(() => {
        error = value.error;
      });
    });
    flushSync();
    await vi.waitFor(() => expect(error).toContain('storage is unavailable'));
    expect(error).toContain('Text kept for adding to a plan could not be read');
    stop();
  });

  it('has the value before anything reads it once loaded (the first render has it), and the initial value until then', async () => {
    const area = memoryArea();
    await saveClockOverride(area, '2026-06-01');
    const value = createStoredValue(area, clockOverrideSource, { initial: undefined, what: 'The pretend date' });
    expect(value.current).toBeUndefined();
    expect(value.loaded).toBe(false);
    await value.load();
    expect(value.current).toBe('2026-06-01');
    expect(value.loaded).toBe(true);
  });

  it('validates what is stored: a value that is not valid is never passed on', async () => {
    const area = memoryArea();
    const pretend = createStoredValue(area, clockOverrideSource, { initial: undefined, what: 'The pretend date' });
    const identity = createStoredValue(area, identitySource, { initial: EMPTY_IDENTITY, what: 'Who you are' });
    const waiting = captures(area);
    await area.set({
      clockOverride: '2026-02-30',
      identity: { name: 'Sam Okafor', agency: 42, role: null },
      'capture/x': { id: 'x', text: 'no page fields' },
    });
    await Promise.all([pretend.load(), identity.load(), waiting.load()]);
    expect(pretend.current).toBeUndefined();
    expect(identity.current).toEqual({ name: 'Sam Okafor', agency: '', role: '' });
    expect(waiting.current).toEqual([]);
  });

  it('keeps the latest read when an older one finishes after it', async () => {
    const area = memoryArea();
    const get = area.get.bind(area);
    const held: (() => void)[] = [];
    let slow = true;
    area.get = async (keys) => {
      const result = await get(keys);
      if (slow) await new Promise<void>((resolve) => held.push(resolve));
      return result;
    };
    const value = createStoredValue(area, clockOverrideSource, { initial: undefined, what: 'The pretend date' });
    const first = value.load(); // reads nothing stored, but is held back
    await vi.waitFor(() => expect(held).toHaveLength(1));
    slow = false;
    await saveClockOverride(area, '2026-06-01');
    await value.load();
    expect(value.current).toBe('2026-06-01');
    held[0]!();
    await first;
    expect(value.current).toBe('2026-06-01');
  });
});
