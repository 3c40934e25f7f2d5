/**
 * Which plans a page of this browser has open (the side panel, a tab), told to the background
 * copies through Web Locks: a page holds a shared lock per open plan, and the browser lets it go
 * when the page closes or crashes, so nothing is left claimed by a page that is gone. Extension
 * pages and the offscreen document share an origin, so they see one set of locks.
 */

export interface PlanHolds {
  /** Marks the plan as open in this page until the returned function is called. */
  hold(planId: string): () => void;
  /** The plans some page of this browser holds open now. */
  held(): Promise<Set<string>>;
}

const PREFIX = 'plan-open:';

/** Web Locks (navigator.locks); where they are missing, nothing is ever held. */
export function webLockHolds(locks: LockManager | undefined = globalThis.navigator?.locks): PlanHolds {
  return {
    hold(planId) {
      if (!locks) return () => {};
      let letGo = () => {};
      const released = new Promise<void>((resolve) => (letGo = resolve));
      void locks.request(PREFIX + planId, { mode: 'shared' }, () => released).catch(() => {});
      return letGo;
    },
    async held() {
      if (!locks) return new Set();
      const { held = [] } = await locks.query();
      return new Set(held.flatMap((lock) => (lock.name?.startsWith(PREFIX) ? [lock.name.slice(PREFIX.length)] : [])));
    },
  };
}
