import { describe, expect, it, vi } from 'vitest';
import { KEEP_ALARM, KEEP_EVERY_MINUTES, keepOffscreenDocument } from '../../../lib/background/keep-offscreen.ts';
import { BACKGROUND_COPIES_KEYS } from '../../../lib/background/copies-storage.ts';
import type { RelayedKeys } from '../../../lib/platform/relayed-area.ts';
import { removePlanSummary } from '../../../lib/library/plan-index.ts';
import type { OffscreenHost } from '../../../lib/platform/offscreen.ts';
import { fakeAlarms } from '../helpers/fake-alarms.ts';
import { fakeDevice } from './fake-sessions.ts';

const A = 'a'.repeat(32);

function fakeOffscreen() {
  const host: OffscreenHost & { openNow: boolean; opens: number } = {
    openNow: false,
    opens: 0,
    isOpen: async () => host.openNow,
    async open() {
      if (host.openNow) throw new Error('Only a single offscreen document may be created.');
      host.openNow = true;
      host.opens++;
    },
    async close() {
      host.openNow = false;
    },
  };
  return host;
}

function setUp() {
  const device = fakeDevice();
  const alarms = fakeAlarms();
  const offscreen = fakeOffscreen();
  const relayed: RelayedKeys[] = [];
  const errors: unknown[] = [];
  const start = () =>
    keepOffscreenDocument({
      alarms: alarms.alarms,
      area: device.area,
      offscreen,
      relay: (_area, keys) => (relayed.push(keys), () => {}),
      onError: (error) => errors.push(error),
    });
  return { device, alarms, offscreen, relayed, errors, start };
}

describe('keepOffscreenDocument', () => {
  it('opens the document when a plan is shared, not before, and lets it reach only the plan list and connection settings (writing only the plan list)', async () => {
    const { device, alarms, offscreen, relayed, start } = setUp();
    const keeper = start();
    await keeper.ensure();
    expect(offscreen.openNow).toBe(false);
    expect(alarms.periodic.get(KEEP_ALARM)).toBe(KEEP_EVERY_MINUTES);
    expect(KEEP_EVERY_MINUTES).toBeGreaterThanOrEqual(0.5);
    await device.addPlan(A, 'secret-a');
    await vi.waitFor(() => expect(offscreen.openNow).toBe(true));
    expect(relayed).toEqual([BACKGROUND_COPIES_KEYS]);
    const { reads, writes } = BACKGROUND_COPIES_KEYS;
    expect(['network', `plan/${A}`].map(reads)).toEqual([true, true]);
    expect(['identity', 'clockOverride', 'deadlineNotice'].map(reads)).toEqual([false, false, false]);
    expect([`plan/${A}`, 'network', 'identity'].map(writes)).toEqual([true, false, false]);
    keeper.stop();
  });

  it('opens it again on the alarm or at browser start if it was closed, and never twice at once', async () => {
    const { device, alarms, offscreen, errors, start } = setUp();
    await device.addPlan(A, 'secret-a');
    const keeper = start();
    await keeper.ensure();
    offscreen.openNow = false; // closed by Chrome or by hand
    alarms.fire('some-other-alarm');
    await keeper.ensure();
    expect(offscreen.opens).toBe(2);
    offscreen.openNow = false;
    alarms.fire(KEEP_ALARM);
    alarms.start();
    alarms.fire(KEEP_ALARM);
    await keeper.ensure();
    expect(offscreen.opens).toBe(3);
    expect(errors).toEqual([]);
    keeper.stop();
    expect(alarms.listenerCount()).toBe(0);
  });

  it('closes it when no plan on the device is shared any more', async () => {
    const { device, offscreen, start } = setUp();
    await device.addPlan(A, 'secret-a');
    const keeper = start();
    await keeper.ensure();
    await removePlanSummary(device.area, A);
    await vi.waitFor(() => expect(offscreen.openNow).toBe(false));
    keeper.stop();
  });
});
