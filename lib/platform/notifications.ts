/**
 * System notifications, behind an interface so the deadline checks run against a fake in tests.
 * Notifications show on the desktop, even on a locked screen: callers pass words built from
 * counts only (lib/due/due-summary.ts), never a name.
 */
import { browser } from 'wxt/browser';

export interface Notifier {
  /** Shows a notification; one with the same `id` replaces the last, so repeats never pile up. */
  notify(id: string, title: string, message: string): Promise<void>;
  /** Calls `listener` with a notification's id when the member clicks it; returns the unsubscribe. */
  onClicked(listener: (id: string) => void): () => void;
  /** Removes a notification, if it is showing. */
  clear(id: string): Promise<void>;
}

/**
 * The notification icon: a 48 px calendar page with a tick, in the app's colours, inlined (Chrome
 * requires an icon for a basic notification and the extension ships no image files).
 */
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAh0lEQVR42u3XwQ2AMAiFYRZxJmfrgM6iZ2OqpX2Ah99wU9sv6QOjbXv7VRkgQIAAAQIkBZ2HyQsQIEA3UMAFCJB713rQ+yLZoM8VUkEjrytBrp0yQj2ejKQu6911HbQ4Q88HvLHTh3qxCUK6bKUlo9p+ekAEzqG5ccXHFVApiH97QIAAASqvC+WFOBx0h/88AAAAAElFTkSuQmCC';

/** The browser's notifications (a no-op where the API is missing, e.g. permission not granted). */
export function browserNotifier(api: typeof browser = browser): Notifier {
  const notifications = api.notifications;
  return {
    async notify(id, title, message) {
      if (!notifications) return;
      await notifications.create(id, { type: 'basic', iconUrl: ICON, title, message });
    },
    onClicked(listener) {
      if (!notifications) return () => {};
      const handler = (id: string) => listener(id);
      notifications.onClicked.addListener(handler);
      return () => notifications.onClicked.removeListener(handler);
    },
    async clear(id) {
      if (notifications) await notifications.clear(id);
    },
  };
}
