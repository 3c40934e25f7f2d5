/**
 * Timers that outlive the service worker (browser.alarms) and the moments a worker starts afresh,
 * behind an interface so the deadline checks run against a fake in tests. Chrome stops the worker
 * at will; an alarm wakes it, and its listener must be registered again each time it starts.
 */
import { browser } from 'wxt/browser';

export interface Alarms {
  /**
   * Makes sure a daily alarm called `name` exists, first firing at `firstAt` (ms since the epoch).
   * Creates it only when missing, so a worker restarting does not keep pushing the time back.
   */
  ensureDaily(name: string, firstAt: number): Promise<void>;
  /**
   * Makes sure an alarm called `name` fires every `minutes` (Chrome's floor is half a minute),
   * creating it when missing or when its period differs.
   */
  ensurePeriodic(name: string, minutes: number): Promise<void>;
  /** Calls `listener` with an alarm's name when it fires; returns the unsubscribe. */
  onAlarm(listener: (name: string) => void): () => void;
  /** Calls `listener` when the browser starts with the extension, and when the extension is installed or updated. */
  onBrowserStart(listener: () => void): () => void;
}

const MINUTES_PER_DAY = 24 * 60;

/** The browser's alarms and runtime start events. */
export function browserAlarms(api: typeof browser = browser): Alarms {
  return {
    async ensureDaily(name, firstAt) {
      if (await api.alarms.get(name)) return;
      await api.alarms.create(name, { when: firstAt, periodInMinutes: MINUTES_PER_DAY });
    },
    async ensurePeriodic(name, minutes) {
      if ((await api.alarms.get(name))?.periodInMinutes === minutes) return;
      await api.alarms.create(name, { periodInMinutes: minutes });
    },
    onAlarm(listener) {
      const handler = (alarm: { name: string }) => listener(alarm.name);
      api.alarms.onAlarm.addListener(handler);
      return () => api.alarms.onAlarm.removeListener(handler);
    },
    onBrowserStart(listener) {
      const handler = () => listener();
      api.runtime.onStartup.addListener(handler);
      api.runtime.onInstalled.addListener(handler);
      return () => {
        api.runtime.onStartup.removeListener(handler);
        api.runtime.onInstalled.removeListener(handler);
      };
    },
  };
}

/** One minute past the next local midnight after `now`, in ms since the epoch: when a new day's deadlines start. */
export function nextDayStart(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 1, 0, 0);
  return next.getTime();
}
