import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import * as Y from 'yjs';
import { holdPlan } from '../../../lib/state/held-plan.svelte.ts';
import { createPlanSessions } from '../../../lib/sync/plan-sessions.ts';
import type { PlanSession } from '../../../lib/sync/plan-session.ts';

function fakeSessions() {
  const open: string[] = [];
  const sessions = createPlanSessions(async (planId) => {
    open.push(planId);
    return {
      planId,
      doc: new Y.Doc(),
      close: async () => void open.splice(open.indexOf(planId), 1),
    } as unknown as PlanSession;
  });
  return { sessions, open };
}

/** Holds a plan as a mounted component would; `stop` destroys it. */
function mountHold(...args: Parameters<typeof holdPlan>) {
  let held: ReturnType<typeof holdPlan> | undefined;
  const stop = $effect.root(() => {
    held = holdPlan(...args);
  });
  flushSync();
  return { held: held!, stop };
}

describe('holdPlan', () => {
  it('holds the plan while mounted, follows a change of plan, and lets go when destroyed', async () => {
    const { sessions, open } = fakeSessions();
    let planId = $state('p1');
    const { held, stop } = mountHold(sessions, () => planId);
    await vi.waitFor(() => expect(held.session?.planId).toBe('p1'));
    planId = 'p2';
    flushSync();
    expect(held.session).toBeNull();
    await vi.waitFor(() => expect(held.session?.planId).toBe('p2'));
    expect(open).toEqual(['p2']);
    stop();
    await vi.waitFor(() => expect(open).toEqual([]));
  });

  it('shares the session with another holder of the same plan on the page', async () => {
    const { sessions, open } = fakeSessions();
    const { held: a, stop: stopA } = mountHold(sessions, () => 'p1');
    const { held: b, stop: stopB } = mountHold(sessions, () => 'p1');
    await vi.waitFor(() => expect(b.session).not.toBeNull());
    expect(a.session).toBe(b.session);
    stopA();
    await Promise.resolve();
    expect(open).toEqual(['p1']);
    stopB();
    await vi.waitFor(() => expect(open).toEqual([]));
  });

  it('does not open a plan its guard refuses, and says why', async () => {
    const { sessions, open } = fakeSessions();
    const { held, stop } = mountHold(sessions, () => 'p1', {
      guard: async () => {
        throw new Error('This plan is not on this device. It may have been deleted.');
      },
    });
    await vi.waitFor(() => expect(String(held.failure)).toContain('not on this device'));
    expect(held.session).toBeNull();
    expect(open).toEqual([]);
    stop();
  });
});
