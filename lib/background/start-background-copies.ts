/**
 * The offscreen document's start (Chrome): the background copies over the extension's storage (read
 * through the service worker, lib/background/keep-offscreen.ts), the
 * pages' Web Locks, this device's plan databases and the connection settings; colleagues' edits
 * that arrive ask the service worker to count deadlines again.
 */
import { relayedArea, relayedManagedStorage } from '../platform/relayed-area.ts';
import { webLockHolds } from '../platform/plan-holds.ts';
import { browserRecheckRequests } from '../platform/badge-refresh.ts';
import { planOpener } from '../library/open-plan.ts';
import { loadConnectionSettings, readManagedPolicy } from '../settings/managed.ts';
import { SHIPPED_PROFILES } from '../rules/deadlines/profiles/index.ts';
import { syncPlanSummary } from '../library/summary-sync.ts';
import { keepBackgroundCopies, type BackgroundCopies } from './background-copies.ts';

export function startBackgroundCopies(): BackgroundCopies {
  // An offscreen document has no storage API: the service worker reads for it.
  const area = relayedArea();
  const managed = relayedManagedStorage();
  const requests = browserRecheckRequests();
  return keepBackgroundCopies({
    area,
    holds: webLockHolds(),
    open: planOpener(area),
    // The organisation's servers come before the member's own, as in a page.
    network: async () => loadConnectionSettings(area, readManagedPolicy(await managed.read(), SHIPPED_PROFILES.map((p) => p.id))),
    recheck: () => void requests.request(),
    // As in a page: a colleague renames the family or adds a child, the plan list says so.
    whileOpen: (session) => syncPlanSummary(area, session.planId, session.doc),
  });
}
