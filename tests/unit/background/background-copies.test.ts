import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepBackgroundCopies } from '../../../lib/background/background-copies.ts';
import { removePlanSummary } from '../../../lib/library/plan-index.ts';
import { DEFAULT_NETWORK, saveNetworkSettings } from '../../../lib/settings/network.ts';
import { colleagueEdits, fakeDevice } from './fake-sessions.ts';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const C = 'c'.repeat(32);

function setUp(device = fakeDevice(), options: { retryMs?: number; graceMs?: number; now?: () => number } = {}) {
  const recheck = vi.fn();
  const errors: string[] = [];
  const copies = keepBackgroundCopies({
    ...device,
    recheck,
    pollMs: 60_000,
    graceMs: 0,
    settleMs: 50,
    onError: (message) => errors.push(message),
    ...options,
  });
  return { device, copies, recheck, errors };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

describe('keepBackgroundCopies', () => {
  it('opens and shares every shared plan on the device, and no plan that is not shared', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    await device.addPlan(B);
    const { copies } = setUp(device);
    stops.push(copies.stop);
    await copies.reconcile();
    expect(copies.openPlans()).toEqual([A]);
    expect(device.opened[0]!.sharedWith.map((s) => s.secret)).toEqual(['secret-a']);
  });

  it('stands aside while a page has the plan open, and takes it back when the page lets go', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    const { copies } = setUp(device);
    stops.push(copies.stop);
    await copies.reconcile();
    const letGo = device.holds.hold(A);
    await copies.reconcile();
    expect(copies.openPlans()).toEqual([]);
    expect(device.opened[0]!.closed).toBe(true);
    letGo();
    await copies.reconcile();
    expect(copies.openPlans()).toEqual([A]);
    expect(device.openNow()).toHaveLength(1);
  });

  it('follows the plan list: a plan shared or joined is picked up, a deleted one closed', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    const { copies } = setUp(device);
    stops.push(copies.stop);
    await copies.reconcile();
    await device.addPlan(B, 'secret-b'); // a storage change: no reconcile called by the test
    await vi.waitFor(() => expect(copies.openPlans().sort()).toEqual([A, B]));
    await removePlanSummary(device.area, A);
    await vi.waitFor(() => expect(copies.openPlans()).toEqual([B]));
    expect(device.opened.find((s) => s.planId === A)!.closed).toBe(true);
  });

  it('after colleagues’ edits arrive, saves the plan and asks for deadlines to be counted again, once per burst', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    const { copies, recheck } = setUp(device);
    stops.push(copies.stop);
    await copies.reconcile();
    const session = device.opened[0]!;
    colleagueEdits(session, 'address', '1 Lane');
    colleagueEdits(session, 'address', '2 Lane');
    expect(recheck).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(recheck).toHaveBeenCalledOnce());
    expect(session.flushes).toBeGreaterThan(0);
  });

  it('shares every copy afresh when the connection settings change (signaling, or the relay)', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    const { copies } = setUp(device);
    stops.push(copies.stop);
    await copies.reconcile();
    await saveNetworkSettings(device.area, { ...DEFAULT_NETWORK, signaling: ['wss://signal.example.org'] });
    await vi.waitFor(() => expect(device.opened).toHaveLength(2));
    await copies.reconcile();
    expect(device.opened[0]!.closed).toBe(true);
    expect(device.openNow()).toHaveLength(1);
    const relayOnly = { ...DEFAULT_NETWORK, signaling: ['wss://signal.example.org'], relay: 'wss://relay.example.org/relay', relayOnly: true };
    await saveNetworkSettings(device.area, relayOnly);
    await vi.waitFor(() => expect(device.opened).toHaveLength(3));
    await copies.reconcile();
    expect(device.opened[1]!.closed).toBe(true);
    expect(device.openNow()[0]!.sharedWith).toEqual([{ secret: 'secret-a', network: relayOnly }]);
  });

  it('reports a plan that fails to open, keeps the others, and tries it again only after a while', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    await device.addPlan(C, 'secret-c');
    device.failing.add(C);
    let time = 0;
    const { copies, errors } = setUp(device, { retryMs: 1000, now: () => time });
    stops.push(copies.stop);
    await copies.reconcile();
    expect(copies.openPlans()).toEqual([A]);
    expect(errors).toEqual(['A shared plan could not be kept in step in the background']);
    device.failing.delete(C);
    await copies.reconcile();
    expect(copies.openPlans()).toEqual([A]);
    time = 1000;
    await copies.reconcile();
    expect(copies.openPlans().sort()).toEqual([A, C]);
  });

  it('closes every copy when stopped', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    await device.addPlan(B, 'secret-b');
    const { copies } = setUp(device);
    await copies.reconcile();
    await copies.stop();
    expect(device.openNow()).toEqual([]);
    expect(copies.openPlans()).toEqual([]);
  });

  it('runs `whileOpen` for each copy while it is open (the plan list following the document)', async () => {
    const device = fakeDevice();
    await device.addPlan(A, 'secret-a');
    const following = new Set<string>();
    const copies = keepBackgroundCopies({
      ...device,
      recheck: () => {},
      pollMs: 60_000,
    graceMs: 0,
      whileOpen: (session) => (following.add(session.planId), () => void following.delete(session.planId)),
    });
    await copies.reconcile();
    expect([...following]).toEqual([A]);
    await copies.stop();
    expect([...following]).toEqual([]);
  });

  it('waits a moment before taking a plan no page holds, so a page that has just shared or joined it takes it first', async () => {
    const device = fakeDevice();
    let time = 0;
    const { copies } = setUp(device, { graceMs: 5000, now: () => time });
    stops.push(copies.stop);
    await device.addPlan(A, 'secret-a'); // joined in the panel...
    await copies.reconcile();
    expect(copies.openPlans()).toEqual([]);
    time = 1000;
    const letGo = device.holds.hold(A); // ...which opens it
    time = 10_000;
    await copies.reconcile();
    expect(device.opened).toEqual([]);
    letGo(); // the panel closes: after the grace, the copy takes over
    await copies.reconcile();
    expect(copies.openPlans()).toEqual([]);
    time = 15_000;
    await copies.reconcile();
    expect(copies.openPlans()).toEqual([A]);
  });
});
