/**
 * Pages asking the background to check every plan's deadlines again (after a meeting is booked,
 * a plan's timescales change, or a page leaves a plan it may have edited): a runtime message,
 * which wakes the service worker if Chrome has stopped it.
 */
import { browser } from 'wxt/browser';

const RECHECK = 'deadlines:recheck';

export interface RecheckRequests {
  /** Asks for a check; never rejects (with no background listening, there is nothing to refresh). */
  request(): Promise<void>;
  /** Calls `listener` on each request; returns the unsubscribe. */
  onRequest(listener: () => void): () => void;
}

/**
 * Requests over `browser.runtime` messages. A request also reaches this object's own listeners,
 * as a page never receives its own runtime messages: Firefox's background page asks itself after
 * pulling colleagues' edits (lib/background/pull-shared-plans.ts).
 */
export function browserRecheckRequests(api: typeof browser = browser): RecheckRequests {
  const own = new Set<() => void>();
  return {
    async request() {
      own.forEach((listener) => listener());
      try {
        await api.runtime.sendMessage({ type: RECHECK });
      } catch {
        // "Receiving end does not exist": no background yet (tests, a page opened on its own).
      }
    },
    onRequest(listener) {
      const handler = (message: unknown) => {
        if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === RECHECK) listener();
      };
      own.add(listener);
      api.runtime.onMessage.addListener(handler);
      return () => {
        own.delete(listener);
        api.runtime.onMessage.removeListener(handler);
      };
    },
  };
}
