import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlanSessions } from '../../../lib/sync/plan-sessions.ts';
import type { PlanSession } from '../../../lib/sync/plan-session.ts';

/** Sessions that only record being opened and closed (the real ones need IndexedDB). */
function fakeOpener(fail: (planId: string) => boolean = () => false) {
  const opened: string[] = [];
  const closed: string[] = [];
  const open = async (planId: string): Promise<PlanSession> => {
    await Promise.resolve();
    if (fail(planId)) throw new Error('The plan could not be opened from this device');
    opened.push(planId);
    return {
      planId,
      doc: new Y.Doc(),
      close: async () => void closed.push(planId),
    } as unknown as PlanSession;
  };
  return { open, opened, closed };
}

describe('createPlanSessions', () => {
  it('gives two holders of one plan the same session, opened once, even when both ask at once', async () => {
    const fake = fakeOpener();
    const plans = createPlanSessions(fake.open);
    const [a, b] = await Promise.all([plans.acquire('p1'), plans.acquire('p1')]);
    const c = await plans.acquire('p1');
    expect(a.session).toBe(b.session);
    expect(c.session).toBe(a.session);
    expect(fake.opened).toEqual(['p1']);
  });

  it('closes the session when the last holder releases it, not before', async () => {
    const fake = fakeOpener();
    const stopped: string[] = [];
    const plans = createPlanSessions(fake.open, (s) => () => void stopped.push(s.planId));
    const a = await plans.acquire('p1');
    const b = await plans.acquire('p1');
    a.release();
    a.release(); // a second release by the same holder counts once
    expect(fake.closed).toEqual([]);
    b.release();
    expect(stopped).toEqual(['p1']);
    await Promise.resolve();
    expect(fake.closed).toEqual(['p1']);
  });

  it('opens afresh after the last release, and keeps plans apart', async () => {
    const fake = fakeOpener();
    const plans = createPlanSessions(fake.open);
    const first = await plans.acquire('p1');
    const other = await plans.acquire('p2');
    first.release();
    const again = await plans.acquire('p1');
    expect(again.session).not.toBe(first.session);
    expect(other.session.planId).toBe('p2');
    expect(fake.opened).toEqual(['p1', 'p2', 'p1']);
    expect(fake.closed).toEqual(['p1']);
  });

  it('runs what every open plan does once per session, whoever holds it', async () => {
    const fake = fakeOpener();
    const started: string[] = [];
    const plans = createPlanSessions(fake.open, (s) => {
      started.push(s.planId);
      return () => {};
    });
    await Promise.all([plans.acquire('p1'), plans.acquire('p1')]);
    expect(started).toEqual(['p1']);
  });

  it('passes on a failure to open to every waiting holder, holds nothing, and tries again on the next acquire', async () => {
    let broken = true;
    const fake = fakeOpener(() => broken);
    const plans = createPlanSessions(fake.open);
    const results = await Promise.allSettled([plans.acquire('p1'), plans.acquire('p1')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    broken = false;
    const lease = await plans.acquire('p1');
    expect(lease.session.planId).toBe('p1');
    lease.release();
    await Promise.resolve();
    expect(fake.closed).toEqual(['p1']);
  });
});
