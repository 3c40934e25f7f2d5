/**
 * The plan a page was opened on starts loading as the page starts, before its services are read
 * and the app is mounted: reading storage settings, the managed policy and the plan list are
 * waits, and loading a large plan is most of a cold open, so the two overlap. The first acquire
 * of that plan takes the session already loading; nobody else does.
 *
 * The plan's database is looked at first, for its kept first screen (lib/plan/first-screen.ts),
 * which the page shows while the plan loads: read before the plan, it is not queued behind it.
 * A plan not on this device is never opened here (opening would create its database): the view's
 * own check then says so as before. A session nobody takes (the view refused it) is closed.
 */
import { openPlanSession, type PlanSession } from './plan-session.ts';
import { planDatabaseName } from './persistence.ts';
import { readFirstScreen } from './first-screen-store.ts';
import { FIRST_SCREEN_ROOTS, type FirstScreenRoots } from '../plan/first-screen.ts';

/** How long a plan opened early waits to be taken before it is closed. */
export const UNCLAIMED_MS = 10_000;

export interface EarlyOpen {
  /** The session opened early for `planId`, the first time it is asked for; otherwise undefined. */
  take(planId: string): Promise<PlanSession> | undefined;
  /**
   * The first screen kept for `planId` when the page was opened on it (null when none was up to
   * date), the first time it is asked for (later, the page may have changed the plan); otherwise undefined.
   */
  firstScreen(planId: string): Promise<FirstScreenRoots | null> | undefined;
}

export function openEarly(
  planId: string | undefined,
  section: string,
  open: (planId: string) => Promise<PlanSession> = openPlanSession,
  factory: IDBFactory | undefined = globalThis.indexedDB,
  unclaimedMs = UNCLAIMED_MS,
): EarlyOpen {
  if (!planId || !factory) return { take: () => undefined, firstScreen: () => undefined };
  const stored = readFirstScreen(planDatabaseName(planId), FIRST_SCREEN_ROOTS[section] ?? [], factory);
  const firstScreen = stored.roots;
  const opening = stored.exists.then((exists) => (exists ? open(planId) : undefined));
  opening.catch(() => {}); // reported to whoever takes it
  let taken = false;
  let firstScreenTaken = false;
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
    firstScreen(id) {
      if (firstScreenTaken || id !== planId) return undefined;
      firstScreenTaken = true;
      return firstScreen;
    },
  };
}
