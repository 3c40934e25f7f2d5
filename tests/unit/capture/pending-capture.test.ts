import { describe, expect, it } from 'vitest';
import { clearPendingCapture, isPendingCapture, listPendingCaptures, putPendingCapture, touchesCaptures, type PendingCapture } from '../../../lib/capture/pending-capture.ts';
import { memoryArea } from '../helpers/memory-area.ts';

const capture = (id: string, capturedAt: number): PendingCapture => ({ id, text: `text ${id}`, pageUrl: 'http://127.0.0.1/', pageTitle: '', capturedAt });

describe('listPendingCaptures', () => {
  it('lists waiting captures oldest first, ignoring other keys and malformed values', async () => {
    const area = memoryArea();
    await putPendingCapture(area, capture('b', 20));
    await putPendingCapture(area, capture('a', 10));
    await area.set({ 'capture/bad': { id: 'bad' }, 'plan/x': { id: 'x' } });
    expect((await listPendingCaptures(area)).map((c) => c.id)).toEqual(['a', 'b']);
  });
});

describe('clearPendingCapture', () => {
  it('removes only that capture', async () => {
    const area = memoryArea();
    await putPendingCapture(area, capture('a', 1));
    await putPendingCapture(area, capture('b', 2));
    await clearPendingCapture(area, 'a');
    expect((await listPendingCaptures(area)).map((c) => c.id)).toEqual(['b']);
  });
});

describe('touchesCaptures', () => {
  it('is true only for changes to captures', () => {
    expect(touchesCaptures({ 'capture/a': { newValue: 1 } })).toBe(true);
    expect(touchesCaptures({ 'plan/a': { newValue: 1 }, identity: {} })).toBe(false);
  });
});

describe('isPendingCapture', () => {
  it('accepts only the full shape', () => {
    expect(isPendingCapture(capture('a', 1))).toBe(true);
    expect(isPendingCapture({ ...capture('a', 1), capturedAt: '1' })).toBe(false);
    expect(isPendingCapture(null)).toBe(false);
  });
});
