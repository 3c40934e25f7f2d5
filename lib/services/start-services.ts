/**
 * A page's start (the side panel or the full-width tab): makes the services over the browser's
 * storage, clock and pages, reads what is stored before anything renders, and starts what the page
 * does on its own. The entry point then mounts App with them; nothing here knows a component.
 */
import { browserLocalArea } from '../platform/key-value-area.ts';
import { requestPersistentStorage } from '../platform/persist-storage.ts';
import { systemClock } from '../platform/clock.ts';
import { browserRecheckRequests } from '../platform/badge-refresh.ts';
import { browserPages } from '../platform/extension-pages.ts';
import { webLockHolds } from '../platform/plan-holds.ts';
import { browserManagedStorage } from '../platform/managed-storage.ts';
import { readManagedPolicy } from '../settings/managed.ts';
import { readManagedWithCopy } from '../settings/managed-copy.ts';
import { SHIPPED_PROFILES } from '../rules/deadlines/profiles/index.ts';
import { createServices, loadStoredValues, type Services } from './services.ts';
import { parseRoute, sectionId } from '../state/route.ts';
import { FIRST_SCREEN_ROOTS } from '../plan/first-screen.ts';
import { openEarly } from '../sync/early-open.ts';
import { planOpener } from '../library/open-plan.ts';
import { readFirstScreen } from '../sync/first-screen-store.ts';
import { planDatabaseName } from '../sync/persistence.ts';
import { askForChecksOnPlanChanges } from './ask-for-checks.ts';

/** How long the first render waits for the organisation's policy. */
const POLICY_WAIT_MS = 150;

export async function startServices(win: Window = window): Promise<Services> {
  // The plan in the address starts loading now, beside the reads below (lib/sync/early-open.ts).
  const route = parseRoute(win.location.hash);
  const area = browserLocalArea();
  // Every plan this page opens keeps its entry in the plan list on the latest epoch (planOpener).
  const open = planOpener(area);
  const early = route.view === 'plan' ? openEarly(route.planId, sectionId(route.section), open) : openEarly(undefined, '');
  void requestPersistentStorage().catch(() => {});
  // Not awaited: a new profile's managed storage can take seconds (lib/state/managed-policy.svelte.ts);
  // the copy kept from its last answer stands in after a moment (lib/settings/managed-copy.ts).
  const managed = readManagedWithCopy(browserManagedStorage(), area).then((raw) => readManagedPolicy(raw, SHIPPED_PROFILES.map((p) => p.id)));
  const services = createServices({
    managed,
    area,
    clock: systemClock,
    pages: browserPages(),
    recheck: browserRecheckRequests(),
    holds: webLockHolds(),
    openPlan: (planId) => early.take(planId) ?? open(planId),
    firstScreenShown: (planId) => early.firstScreenShown(planId),
    firstScreen: (planId, section) => early.firstScreen(planId) ?? readFirstScreen(planDatabaseName(planId), FIRST_SCREEN_ROOTS[section] ?? []).roots,
    onWake: (callback) => {
      const onVisible = () => {
        if (win.document.visibilityState === 'visible') callback();
      };
      win.document.addEventListener('visibilitychange', onVisible);
      return () => win.document.removeEventListener('visibilitychange', onVisible);
    },
  });
  // The first render has the policy when it answers promptly (it usually does), and never waits long.
  await Promise.all([loadStoredValues(services), Promise.race([services.managed.whenRead, new Promise((resolve) => setTimeout(resolve, POLICY_WAIT_MS))])]);
  askForChecksOnPlanChanges(services.recheck, win);
  return services;
}
