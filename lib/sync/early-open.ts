/**
 * The plan a page was opened on starts loading as the page starts, before its services are read
 * and the app is mounted: reading storage settings, the managed policy and the plan list are
 * waits, and loading a large plan is most of a cold open, so the two overlap. The first acquire
 * of that plan takes the session already loading; nobody else does.
 *
 * A plan not on this device is never opened here (opening would create its database): the view's
 * own check then says so as before. A session nobody takes (the view refused it) is closed.
 */
import { openPlanSession, type PlanSession } from './plan-session.ts';
import { planDatabaseName } from './persistence.ts';

/** How long a plan opened early waits to be taken before it is closed. */
export const UNCLAIMED_MS = 10_000;

export interface EarlyOpen {
  /** The session opened early for `planId`, the first time it is asked for; otherwise undefined. */
  take(planId: string): Promise<PlanSession> | undefined;
}

export function openEarly(
  planId: string | undefined,
  open: (planId: string) => Promise<PlanSession> = openPlanSession,
  factory: IDBFactory | undefined = globalThis.indexedDB,
  unclaimedMs = UNCLAIMED_MS,
): EarlyOpen {
  if (!planId || typeof factory?.databases !== 'function') return { take: () => undefined };
  const name = planDatabaseName(planId);
  const opening = factory.databases().then((databases) => (databases.some((d) => d.name === name) ? open(planId) : undefined));
  opening.catch(() => {}); // reported to whoever takes it
  let taken = false;
  const unclaimed = setTimeout(() => {
    taken = true;
    void opening.then((session) => session?.close()).catch(() => {});
  }, unclaimedMs);
  return {
    take(id) {
      if (taken || id !== planId) return undefined;
      taken = true;
      clearTimeout(unclaimed);
      return opening.then((session) => session ?? open(id));
    },
  };
}
