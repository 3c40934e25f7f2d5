/**
 * The plan a page was opened on starts loading as the page starts, before its services are read
 * and the app is mounted: reading storage settings, the managed policy and the plan list are
 * waits, and loading a large plan is most of a cold open, so the two overlap. The first acquire
 * of that plan takes the session already loading; nobody else does.
 *
 * The plan's database is looked at first, for its kept first screen (lib/plan/first-screen.ts),
 * which the page shows while the plan loads: the plan loads once that has painted. Its stored
 * updates are read meanwhile (reading is the database's work, off the page's thread), so at
 * that moment only applying them is left, and whatever was stored after that read.
 * A plan not on this device is never opened here (opening would create its database): the view's
 * own check then says so as before. A session nobody takes (the view refused it) is closed.
 */
import { openPlanSession, type PlanSession, type PlanSessionOptions } from './plan-session.ts';
import { planDatabaseName } from './persistence.ts';
import { readStoredUpdates } from './plan-database.ts';
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
  /** The first screen has painted: the plan, waiting for it, loads now. */
  firstScreenShown(planId: string): void;
}

/** How long a plan with a first screen waits for it to paint before loading anyway (one that never shows). */
export const FIRST_SCREEN_WAIT_MS = 1000;

export function openEarly(
  planId: string | undefined,
  section: string,
  open: (planId: string, options?: PlanSessionOptions) => Promise<PlanSession> = openPlanSession,
  factory: IDBFactory | undefined = globalThis.indexedDB,
  unclaimedMs = UNCLAIMED_MS,
  firstScreenWaitMs = FIRST_SCREEN_WAIT_MS,
): EarlyOpen {
  if (!planId || !factory) return { take: () => undefined, firstScreen: () => undefined, firstScreenShown: () => {} };
  const stored = readFirstScreen(planDatabaseName(planId), FIRST_SCREEN_ROOTS[section] ?? [], factory);
  const firstScreen = stored.roots;
  let painted!: () => void;
  const shown = new Promise<void>((resolve) => (painted = resolve));
  const opening = stored.exists.then(async (exists) => {
    if (!exists) return undefined;
    // Loading the plan is one long task: started before its first screen has painted, it would
    // hold that back. So a plan with a first screen loads once it is on screen, its updates read meanwhile.
    if (!(await firstScreen)) return open(planId);
    const updates = readStoredUpdates(planDatabaseName(planId), factory);
    await Promise.race([shown, new Promise((resolve) => setTimeout(resolve, firstScreenWaitMs))]);
    return open(planId, { stored: updates });
  });
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
    firstScreenShown(id) {
      if (id === planId) painted();
    },
  };
}
