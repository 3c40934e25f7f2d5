/** Alarms that keep what was asked of them and let a test fire an alarm or a browser start. */
import type { Alarms } from '../../../lib/platform/alarms.ts';

export function fakeAlarms() {
  const alarmListeners = new Set<(name: string) => void>();
  const startListeners = new Set<() => void>();
  const periodic = new Map<string, number>();
  const alarms: Alarms = {
    ensureDaily: async () => {},
    async ensurePeriodic(name, minutes) {
      periodic.set(name, minutes);
    },
    onAlarm: (listener) => (alarmListeners.add(listener), () => void alarmListeners.delete(listener)),
    onBrowserStart: (listener) => (startListeners.add(listener), () => void startListeners.delete(listener)),
  };
  return {
    alarms,
    periodic,
    fire: (name: string) => alarmListeners.forEach((listener) => listener(name)),
    start: () => startListeners.forEach((listener) => listener()),
    listenerCount: () => alarmListeners.size + startListeners.size,
  };
}
