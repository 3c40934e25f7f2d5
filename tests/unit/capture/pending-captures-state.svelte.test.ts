import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { PendingCaptures } from '../../../lib/capture/pending-captures-state.svelte.ts';
import { clearPendingCapture, putPendingCapture } from '../../../lib/capture/pending-capture.ts';
import { memoryArea } from '../helpers/memory-area.ts';

describe('PendingCaptures', () => {
  it('follows captures as the background stores them and pages clear them', async () => {
    const area = memoryArea();
    const captures = new PendingCaptures(area);
    const seen: string[][] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(captures.current.map((c) => c.text));
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
    const captures = new PendingCaptures(area);
    const stop = $effect.root(() => {
      $effect(() => void captures.current);
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
    const captures = new PendingCaptures(area);
    let error = '';
    const stop = $effect.root(() => {
      $effect(() => {
        error = captures.error;
      });
    });
    flushSync();
    await vi.waitFor(() => expect(error).toContain('storage is unavailable'));
    stop();
  });
});
