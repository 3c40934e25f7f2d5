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

/** Requests over `browser.runtime` messages. */
export function browserRecheckRequests(api: typeof browser = browser): RecheckRequests {
  return {
    async request() {
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
      api.runtime.onMessage.addListener(handler);
      return () => api.runtime.onMessage.removeListener(handler);
    },
  };
}
