import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { Action } from '../../../lib/plan/index.ts';
import { FINDINGS_DELAY_MS, FINDINGS_MAX_WAIT_MS, planFindings } from '../../../lib/state/plan-findings.ts';
import { checkedTypes } from '../../../lib/checks/plan-for-checks.ts';
import { TODAY, completePlan, writeRichText } from './plan-doc-fixtures.ts';

/** Observers on every type the findings watch, through Yjs's own handler lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const observers = (doc: Parameters<typeof checkedTypes>[0]) => checkedTypes(doc).reduce((n, t) => n + (t as any)._dEH.l.length, 0);

const blockingOn = (findings: { field: string; actionId?: string; severity: string }[], actionId: string) =>
  findings.filter((f) => f.actionId === actionId && f.severity === 'blocking').map((f) => f.field);

/** One frame under fake timers (they run requestAnimationFrame callbacks every 16 ms). */
const FRAME_MS = 16;
/** Frames too: the first check waits for one. */
const useFakeTimersAndFrames = () =>
  void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'] });

describe('planFindings', () => {
  beforeEach(useFakeTimersAndFrames);
  afterEach(() => vi.useRealTimers());

  it('brings findings up to date after a pause in typing, once for the burst', () => {
    const { doc, actions, actionId } = completePlan();
    const findings = planFindings(doc, TODAY);
    const seen: string[][] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(blockingOn(findings.current, actionId));
      });
    });
    flushSync();
    expect(seen).toEqual([[]]);
    // The first check runs just after the first paint (a frame, then a task), never during it.
    vi.advanceTimersByTime(0);
    flushSync();
    expect(seen).toEqual([[]]);
    vi.advanceTimersByTime(FRAME_MS * 2); // the frame, then the task it schedules
    flushSync();
    expect(seen).toEqual([[], []]);
    // Typing: three edits, the last within the delay of the others.
    Action.set(doc, actions, actionId, 'measure', 'V');
    Action.set(doc, actions, actionId, 'measure', '');
    vi.advanceTimersByTime(FINDINGS_DELAY_MS / 2);
    Action.set(doc, actions, actionId, 'description', 'Visit');
    flushSync();
    expect(seen).toHaveLength(2);
    // The pause counts from the last edit.
    vi.advanceTimersByTime(FINDINGS_DELAY_MS / 2);
    flushSync();
    expect(seen).toHaveLength(2);
    vi.advanceTimersByTime(FINDINGS_DELAY_MS / 2);
    flushSync();
    expect(seen).toEqual([[], [], ['description', 'measure']]);
    stop();
  });

  it('shows nothing while a view first renders, even through a derived, and the findings after the first paint', () => {
    const { doc, actions, actionId } = completePlan();
    Action.set(doc, actions, actionId, 'measure', '');
    const findings = planFindings(doc, TODAY);
    const seen: string[][] = [];
    const stop = $effect.root(() => {
      // As the section navigation reads them: through a $derived.
      const blocking = $derived(blockingOn(findings.current, actionId));
      $effect(() => {
        seen.push(blocking);
      });
    });
    flushSync();
    expect(seen).toEqual([[]]);
    vi.advanceTimersByTime(FRAME_MS * 2);
    flushSync();
    expect(seen).toEqual([[], ['measure']]);
    // A one-off read outside any view is always up to date.
    expect(blockingOn(findings.current, actionId)).toEqual(['measure']);
    stop();
  });

  it('never checks between the keystrokes of steady typing, yet follows it every so often', () => {
    const { doc, actions, actionId } = completePlan();
    const findings = planFindings(doc, TODAY);
    let runs = 0;
    const stop = $effect.root(() => {
      $effect(() => {
        void findings.current;
        runs++;
      });
    });
    flushSync();
    vi.advanceTimersByTime(FRAME_MS * 2); // the first check, after the first paint
    flushSync();
    expect(runs).toBe(2);
    // A key every 100 ms, never a pause as long as the delay.
    const type = (ms: number, from: number) => {
      for (let t = 0; t < ms; t += 100) {
        Action.set(doc, actions, actionId, 'measure', `Visit notes ${from + t}`);
        vi.advanceTimersByTime(100);
        flushSync();
      }
    };
    type(FINDINGS_MAX_WAIT_MS - 200, 0);
    expect(runs).toBe(2);
    type(400, FINDINGS_MAX_WAIT_MS);
    expect(runs).toBe(3); // the longest wait since the first unchecked keystroke
    vi.advanceTimersByTime(FINDINGS_DELAY_MS);
    flushSync();
    expect(runs).toBe(4); // the pause
    expect(vi.getTimerCount()).toBe(0);
    stop();
  });

  it('sees rich-text edits', () => {
    const { doc } = completePlan();
    const findings = planFindings(doc, TODAY);
    let fields: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        fields = findings.current.map((f) => f.field);
      });
    });
    flushSync();
    writeRichText(doc, 'contingency', ['The IRO decides.']);
    vi.advanceTimersByTime(FINDINGS_DELAY_MS);
    flushSync();
    expect(fields).toContain('contingencyPlan');
    stop();
  });

  it('is fresh when read outside an effect, and `now()` always is', () => {
    const { doc, actions, actionId } = completePlan();
    const findings = planFindings(doc, TODAY);
    Action.set(doc, actions, actionId, 'measure', '');
    expect(blockingOn(findings.current, actionId)).toEqual(['measure']);
    expect(blockingOn(findings.now(), actionId)).toEqual(['measure']);
  });

  it('gives `now()` the latest document even while `current` waits for the delay', () => {
    const { doc, actions, actionId } = completePlan();
    const findings = planFindings(doc, TODAY);
    let current: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        current = blockingOn(findings.current, actionId);
      });
    });
    flushSync();
    Action.set(doc, actions, actionId, 'ownerId', '');
    flushSync();
    expect(current).toEqual([]);
    expect(blockingOn(findings.now(), actionId)).toEqual(['ownerId']);
    stop();
  });

  it('observes the document only while read, and stops its timer when nobody reads', async () => {
    const { doc, actions, actionId } = completePlan();
    const findings = planFindings(doc, TODAY);
    const base = observers(doc);
    const stop = $effect.root(() => {
      $effect(() => {
        void findings.current;
      });
    });
    flushSync();
    expect(observers(doc)).toBe(base + checkedTypes(doc).length);
    Action.set(doc, actions, actionId, 'measure', '');
    stop();
    await Promise.resolve(); // createSubscriber tears down in a microtask
    expect(observers(doc)).toBe(base);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('planFindings, shared', () => {
  beforeEach(useFakeTimersAndFrames);
  afterEach(() => vi.useRealTimers());

  it('gives every view of one plan the same findings, computed once per change', () => {
    const { doc, actions, actionId } = completePlan();
    const nav = planFindings(doc, TODAY);
    const section = planFindings(doc, TODAY);
    expect(section).toBe(nav);
    expect(planFindings(doc, '2026-03-03')).not.toBe(nav);
    const seen: unknown[][] = [];
    const stop = $effect.root(() => {
      $effect(() => void seen.push(nav.current));
      $effect(() => void seen.push(section.current));
    });
    flushSync();
    Action.set(doc, actions, actionId, 'measure', '');
    vi.advanceTimersByTime(FINDINGS_DELAY_MS);
    flushSync();
    expect(seen).toHaveLength(4);
    // The same array: computed once and read by both.
    expect(seen[2]).toBe(seen[3]);
    expect(observers(doc)).toBeGreaterThan(0);
    stop();
  });
});
