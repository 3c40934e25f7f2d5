import { describe, expect, it, vi } from 'vitest';
import { pullSharedPlans } from '../../../lib/background/pull-shared-plans.ts';
import type { CatchUp } from '../../../lib/background/catch-up.ts';
import { colleagueEdits, fakeDevice } from './fake-sessions.ts';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const C = 'c'.repeat(32);

describe('pullSharedPlans', () => {
  it('opens, shares, catches up, saves and closes each shared plan no page has open, then asks for a recount when edits came', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    await device.addPlan(B, 'secret-b');
    await device.addPlan(C); // not shared
    device.holds.hold(B); // open in the panel: the page syncs it
    const recheck = vi.fn();
    const catchUp: CatchUp = async (session) => {
      expect(session.peers).not.toBeNull(); // shared before catching up
      colleagueEdits(session);
      return 'caught-up';
    };
    const following: string[] = [];
    const whileOpen = (session: { planId: string }) => (following.push(session.planId), () => void following.push(`stopped ${session.planId}`));
    const report = await pullSharedPlans({ ...device, catchUp, recheck, whileOpen });
    expect(following).toEqual([A, `stopped ${A}`]);
    expect(report).toEqual({ pulled: [{ planId: A, result: 'caught-up', changed: true }], failed: [] });
    expect(device.opened.map((s) => s.planId)).toEqual([A]);
    const [session] = device.opened;
    expect(session!.sharedWith.map((s) => s.secret)).toEqual(['secret-a']);
    expect(session!.flushes).toBe(1);
    expect(session!.closed).toBe(true);
    expect(recheck).toHaveBeenCalledOnce();
  });

  it('asks for no recount when nothing arrived', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    const recheck = vi.fn();
    const report = await pullSharedPlans({ ...device, catchUp: async () => 'timed-out', recheck });
    expect(report.pulled).toEqual([{ planId: A, result: 'timed-out', changed: false }]);
    expect(recheck).not.toHaveBeenCalled();
    expect(device.openNow()).toEqual([]);
  });

  it('reports a plan that fails and still pulls the others, closing every plan it opened', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    await device.addPlan(B, 'secret-b');
    await device.addPlan(C, 'secret-c');
    device.failing.add(C);
    const errors: string[] = [];
    const catchUp: CatchUp = async (session) => {
      if (session.planId === B) throw new Error('catch-up failed');
      return 'caught-up';
    };
    const report = await pullSharedPlans({ ...device, catchUp, recheck: () => {}, onError: (message) => errors.push(message) });
    expect(report.pulled.map((p) => p.planId)).toEqual([A]);
    expect(report.failed.sort()).toEqual([B, C]);
    expect(errors).toHaveLength(2);
    expect(device.openNow()).toEqual([]);
  });
});
