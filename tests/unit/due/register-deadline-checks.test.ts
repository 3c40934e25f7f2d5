import { describe, expect, it, vi } from 'vitest';
import { DAILY_CHECK, registerDeadlineChecks } from '../../../lib/due/register-deadline-checks.ts';
import { NOTICE_ID } from '../../../lib/due/recheck-deadlines.ts';
import type { Alarms } from '../../../lib/platform/alarms.ts';
import type { RecheckRequests } from '../../../lib/platform/badge-refresh.ts';
import type { Notifier } from '../../../lib/platform/notifications.ts';
import { memoryArea } from '../helpers/memory-area.ts';

/** Fakes that hold the listeners registered, so a test can fire each trigger. */
function setUp() {
  const listeners = { alarm: [] as ((name: string) => void)[], start: [] as (() => void)[], request: [] as (() => void)[], click: [] as ((id: string) => void)[] };
  const created: { name: string; firstAt: number }[] = [];
  const alarms: Alarms = {
    async ensureDaily(name, firstAt) {
      created.push({ name, firstAt });
    },
    ensurePeriodic: async () => {},
    onAlarm: (l) => (listeners.alarm.push(l), () => void listeners.alarm.splice(listeners.alarm.indexOf(l), 1)),
    onBrowserStart: (l) => (listeners.start.push(l), () => void listeners.start.splice(listeners.start.indexOf(l), 1)),
  };
  const requests: RecheckRequests = { request: async () => {}, onRequest: (l) => (listeners.request.push(l), () => {}) };
  const notifier: Notifier = { notify: async () => {}, clear: async () => {}, onClicked: (l) => (listeners.click.push(l), () => {}) };
  const shown: string[] = [];
  const badge = { show: vi.fn(async (text: string) => void shown.push(text)) };
  const openPlanList = vi.fn();
  const area = memoryArea();
  const stop = registerDeadlineChecks({ area, alarms, requests, notifier, badge, openPlanList, now: new Date(2026, 2, 2, 15), readPlan: async () => undefined, kept: memoryArea(), planVersion: async () => undefined });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { listeners, created, badge, openPlanList, area, stop, settle };
}

describe('registerDeadlineChecks', () => {
  it('sets a daily alarm for just after the next midnight', () => {
    const { created } = setUp();
    expect(created).toEqual([{ name: DAILY_CHECK, firstAt: new Date(2026, 2, 3, 0, 1).getTime() }]);
  });

  it('checks on the daily alarm, at browser start, on a page’s request and on storage changes that matter', async () => {
    const { listeners, badge, area, settle } = setUp();
    listeners.alarm.forEach((l) => l('some-other-alarm'));
    await area.set({ identity: { name: 'Sam' } });
    await settle();
    expect(badge.show).not.toHaveBeenCalled();

    listeners.alarm.forEach((l) => l(DAILY_CHECK));
    listeners.start.forEach((l) => l());
    listeners.request.forEach((l) => l());
    await area.set({ clockOverride: '2026-03-20' });
    await area.set({ 'profile/x': {} });
    await area.set({ 'plan/x': {} });
    await settle();
    expect(badge.show).toHaveBeenCalledTimes(6);
  });

  it('opens the plan list when its notification is clicked, and only its own', () => {
    const { listeners, openPlanList } = setUp();
    listeners.click.forEach((l) => l('someone-elses'));
    expect(openPlanList).not.toHaveBeenCalled();
    listeners.click.forEach((l) => l(NOTICE_ID));
    expect(openPlanList).toHaveBeenCalledOnce();
  });

  it('removes every listener when stopped', async () => {
    const { listeners, stop, badge, area, settle } = setUp();
    stop();
    expect(listeners.alarm).toEqual([]);
    await area.set({ clockOverride: '2026-03-20' });
    await settle();
    expect(badge.show).not.toHaveBeenCalled();
  });
});
