import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPlanEdits } from '../../../lib/due/watch-plan-edits.ts';

afterEach(() => vi.useRealTimers());

/** A channel the test posts into, recording its name and whether it was closed. */
function fakeChannel() {
  const target = new EventTarget();
  const channel = Object.assign(target, { name: '', closed: false, close() { channel.closed = true; } });
  const post = (data: unknown) => target.dispatchEvent(new MessageEvent('message', { data }));
  return { channel, post, create: (name: string) => ((channel.name = name), channel as unknown as BroadcastChannel) };
}

describe('watchPlanEdits', () => {
  it('listens on the plan’s local channel and calls once, a while after a burst of changes', () => {
    vi.useFakeTimers();
    const fake = fakeChannel();
    const onEdited = vi.fn();
    watchPlanEdits('abc', onEdited, { delayMs: 1000, createChannel: fake.create });
    expect(fake.channel.name).toBe('plan:abc');
    for (let i = 0; i < 5; i += 1) {
      fake.post({ kind: 'update', from: 'x', update: new Uint8Array([1]) });
      vi.advanceTimersByTime(500);
    }
    expect(onEdited).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(onEdited).toHaveBeenCalledOnce();
  });

  it('ignores the channel’s other messages (a page saying hello, catching up)', () => {
    vi.useFakeTimers();
    const fake = fakeChannel();
    const onEdited = vi.fn();
    watchPlanEdits('abc', onEdited, { delayMs: 10, createChannel: fake.create });
    fake.post({ kind: 'hello', from: 'x', stateVector: new Uint8Array() });
    fake.post(null);
    vi.advanceTimersByTime(100);
    expect(onEdited).not.toHaveBeenCalled();
  });

  it('drops a pending call and closes the channel when stopped', () => {
    vi.useFakeTimers();
    const fake = fakeChannel();
    const onEdited = vi.fn();
    const watch = watchPlanEdits('abc', onEdited, { delayMs: 10, createChannel: fake.create });
    fake.post({ kind: 'update', from: 'x', update: new Uint8Array([1]) });
    watch.stop();
    vi.advanceTimersByTime(100);
    expect(onEdited).not.toHaveBeenCalled();
    expect(fake.channel.closed).toBe(true);
  });

  it('makes a waiting call at once when flushed, and nothing when none is waiting', () => {
    vi.useFakeTimers();
    const fake = fakeChannel();
    const onEdited = vi.fn();
    const watch = watchPlanEdits('abc', onEdited, { delayMs: 1000, createChannel: fake.create });
    watch.flush();
    expect(onEdited).not.toHaveBeenCalled();
    fake.post({ kind: 'update', from: 'x', update: new Uint8Array([1]) });
    watch.flush();
    expect(onEdited).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(2000);
    watch.flush();
    expect(onEdited).toHaveBeenCalledOnce();
  });
});
