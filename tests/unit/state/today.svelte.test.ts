import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { createToday } from '../../../lib/state/today.ts';
import type { Clock } from '../../../lib/platform/clock.ts';

/** A clock whose time only moves when told, with timers that fire as it passes them. */
function fakeClock(start: Date) {
  let now = start.getTime();
  const timers = new Set<{ at: number; callback: () => void }>();
  const clock: Clock & { advanceTo(at: Date): void; pending(): number } = {
    now: () => new Date(now),
    after(ms, callback) {
      const timer = { at: now + ms, callback };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advanceTo(at) {
      for (;;) {
        const due = [...timers].filter((t) => t.at <= at.getTime()).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        timers.delete(due);
        due.callback();
      }
      now = at.getTime();
    },
    pending: () => timers.size,
  };
  return clock;
}

function pretendDate(initial: string | undefined) {
  let value = $state(initial);
  return {
    get current() {
      return value;
    },
    set(next: string | undefined) {
      value = next;
    },
  };
}

/** Follows `today` as a view does ($derived, then rendered); returns each date rendered and the stop function. */
function follow(today: { readonly current: string }) {
  const seen: string[] = [];
  const stop = $effect.root(() => {
    const shown = $derived(today.current);
    $effect(() => {
      seen.push(shown);
    });
  });
  flushSync();
  return { seen, stop };
}

describe('createToday', () => {
  it('is the machine’s local date', () => {
    const today = createToday(pretendDate(undefined), fakeClock(new Date(2026, 10, 22, 23, 59)));
    expect(today.current).toBe('2026-11-22');
  });

  it('moves to the next day at local midnight, while a view reads it, and keeps doing so', () => {
    const clock = fakeClock(new Date(2026, 10, 22, 23, 59));
    const { seen, stop } = follow(createToday(pretendDate(undefined), clock));
    expect(seen).toEqual(['2026-11-22']);
    clock.advanceTo(new Date(2026, 10, 22, 23, 59, 59, 999));
    flushSync();
    expect(seen).toEqual(['2026-11-22']);
    clock.advanceTo(new Date(2026, 10, 23, 0, 0, 0, 1));
    flushSync();
    expect(seen).toEqual(['2026-11-22', '2026-11-23']);
    clock.advanceTo(new Date(2026, 10, 24, 9, 0));
    flushSync();
    expect(seen).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    stop();
    flushSync();
    expect(clock.pending()).toBe(0);
  });

  it('a timer that fires early finds the same date and waits for the rest of the day', () => {
    const clock = fakeClock(new Date(2026, 10, 22, 12, 0));
    const early: Clock = { now: clock.now, after: (ms, callback) => clock.after(Math.max(1, ms - 5), callback) };
    const { seen, stop } = follow(createToday(pretendDate(undefined), early));
    clock.advanceTo(new Date(2026, 10, 22, 23, 59, 59, 999));
    flushSync();
    expect(seen).toEqual(['2026-11-22']);
    clock.advanceTo(new Date(2026, 10, 23, 0, 0, 1));
    flushSync();
    expect(seen).toEqual(['2026-11-22', '2026-11-23']);
    stop();
  });

  it('is the pretend date while one is set, and the real date once it is cleared, re-rendering each time', () => {
    const pretend = pretendDate(undefined);
    const { seen, stop } = follow(createToday(pretend, fakeClock(new Date(2026, 10, 22, 9, 0))));
    pretend.set('2026-06-01');
    flushSync();
    pretend.set(undefined);
    flushSync();
    expect(seen).toEqual(['2026-11-22', '2026-06-01', '2026-11-22']);
    stop();
  });

  it('re-reads the date when the page wakes (timers stop while a laptop sleeps)', () => {
    const clock = fakeClock(new Date(2026, 10, 22, 22, 0));
    let wake = () => {};
    const sleepy: Clock = { now: clock.now, after: () => () => {} }; // a timer that never fires
    const { seen, stop } = follow(
      createToday(pretendDate(undefined), sleepy, (callback) => {
        wake = callback;
        return () => (wake = () => {});
      }),
    );
    clock.advanceTo(new Date(2026, 10, 23, 7, 30));
    wake();
    flushSync();
    expect(seen).toEqual(['2026-11-22', '2026-11-23']);
    stop();
  });
});
